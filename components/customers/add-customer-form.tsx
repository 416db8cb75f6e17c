"use client";
// "Add customer" (agents and above). Field errors appear next to their fields; on success a link to the new profile.
import { useEffect, useRef } from "react";
import Link from "next/link";
import { createCustomerAction } from "@/app/_actions/customers";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

const CONSENT = [
  { value: "", label: "Not asked" },
  { value: "yes", label: "Yes, may be surveyed" },
  { value: "no", label: "No" },
];

export function AddCustomerForm({ defaultName }: { defaultName?: string }) {
  const { state, dispatch, onSubmit, pending, fieldErrors: errors, message } = useActionForm(createCustomerAction);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <form
      ref={formRef}
      action={dispatch}
      onSubmit={onSubmit}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
      aria-label="Add customer"
    >
      <Input
        id="new-name"
        name="name"
        label="Name"
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={defaultName}
        autoFocus={Boolean(defaultName)}
        error={errors?.name}
      />
      <Input
        id="new-email"
        name="email"
        type="email"
        label="E-mail (optional)"
        autoComplete="off"
        error={errors?.email}
      />
      <Input
        id="new-external-id"
        name="externalId"
        label="External id (optional)"
        hint="The id in your own systems."
        error={errors?.externalId}
      />
      <Input id="new-phone" name="phone" type="tel" label="Phone (optional)" autoComplete="off" error={errors?.phone} />
      <Input
        id="new-tags"
        name="tags"
        label="Tags (optional)"
        hint="Comma-separated, e.g. vip, b2b"
        error={errors?.tags}
      />
      <Select id="new-consent" name="consent" label="Consent to surveys" options={CONSENT} error={errors?.consent} />
      <div className="flex flex-col gap-3 sm:col-span-2 lg:col-span-3">
        {message ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? (
          <FormMessage tone="success">
            Customer added.{" "}
            <Link href={`/customers/${state.data.id}`} className="font-medium underline">
              Open {state.data.name ?? "the profile"}
            </Link>
          </FormMessage>
        ) : null}
        <div>
          <SubmitButton pending={pending} pendingLabel="Adding…">
            Add customer
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
