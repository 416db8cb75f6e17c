"use client";
// A customer's home unit (docs/hierarchy.md, "Attribution": the last rule of the order): the select of the Add-customer
// form and the small form on the customer's page. The choices are the caller's active units; a unit-scoped member gets
// no "No home unit" (the customer would leave their sight) and cannot move a customer whose home lies outside theirs.
import { useTranslations } from "next-intl";
import { setHomeUnitAction } from "@/app/_actions/customers";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import type { HomeUnitChoice } from "@/lib/customers/home-unit";

export type { HomeUnitChoice };

export function HomeUnitSelect({ id, choice, error }: { id: string; choice: HomeUnitChoice; error?: string }) {
  const t = useTranslations("customers.homeUnit");
  return (
    <Select
      id={id}
      name="unitId"
      label={t("label")}
      hint={t("hint")}
      options={[
        ...(choice.allowNone ? [{ value: "", label: t("none") }] : []),
        ...choice.options.map((u) => ({ value: u.id, label: u.label })),
      ]}
      defaultValue={choice.selected}
      error={error}
    />
  );
}

/** The home unit on the customer's page (agents and up). */
export function HomeUnitForm({ customerId, choice }: { customerId: string; choice: HomeUnitChoice }) {
  const t = useTranslations("customers.homeUnit");
  const tc = useTranslations("common");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(
    setHomeUnitAction.bind(null, customerId),
  );
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={t("label")} className="flex flex-wrap items-end gap-2">
      <HomeUnitSelect id="home-unit" choice={choice} error={fieldErrors?.unitId} />
      <SubmitButton pending={pending} pendingLabel={tc("saving")} variant="secondary">
        {t("submit")}
      </SubmitButton>
      {message && !fieldErrors?.unitId ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
    </form>
  );
}
