"use client";
// "Create an organization": the creator becomes its admin and it becomes the active organization.
import { useTranslations } from "next-intl";
import { createOrganizationAction } from "@/app/_actions/organizations";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

/** `submitLabel`: the button's (translated) text, "Create organization" unless given. */
export function CreateOrgForm({ submitLabel }: { submitLabel?: string }) {
  const t = useTranslations("settings.createOrg");
  const { dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createOrganizationAction);
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start"
      aria-label={t("label")}
    >
      <Input
        id="org-name"
        name="name"
        label={t("name")}
        autoComplete="organization"
        required
        minLength={2}
        maxLength={120}
        error={fieldErrors?.name}
        className="sm:w-80"
      />
      <div className="sm:pt-6">
        <SubmitButton pending={pending} pendingLabel={t("pending")}>
          {submitLabel ?? t("submit")}
        </SubmitButton>
      </div>
      {message && !fieldErrors ? (
        <div className="basis-full">
          <FormMessage tone="error">{message}</FormMessage>
        </div>
      ) : null}
    </form>
  );
}
