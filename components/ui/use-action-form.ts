"use client";
// useActionState for forms that must keep what the user typed when the action fails. React resets a
// <form action={…}> after every action; submitting through onSubmit + startTransition does not, while
// `action` stays on the form so that it still works before JavaScript has loaded.
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult, ActionState, FieldErrors } from "@/lib/auth/action";

export function useActionForm<T>(action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, dispatch, pending] = useActionState<ActionState<T>, FormData>(action, null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    startTransition(() => dispatch(formData));
  }
  const fieldErrors: FieldErrors | undefined = state && !state.ok ? state.fieldErrors : undefined;
  const message = state && !state.ok ? state.message : null;
  return { state, dispatch, onSubmit, pending, fieldErrors, message };
}
