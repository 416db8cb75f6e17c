"use client";
// "Add customer" (agents and above). Field errors appear next to their fields; on success a link to the new profile.
// When customers with the same name exist, the server adds nothing and the form lists them with links first; only
// a second, explicit "Add as a new customer" (for that same name) adds the customer. Once the organization has units,
// a Home unit field: the caller's active units (a unit-scoped member's own, theirs preselected and no "none").
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createCustomerAction } from "@/app/_actions/customers";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { HomeUnitSelect, type HomeUnitChoice } from "./home-unit";

export function AddCustomerForm({ defaultName, units }: { defaultName?: string; units?: HomeUnitChoice | null }) {
  const t = useTranslations("customers.form");
  const { state, dispatch, onSubmit, pending, fieldErrors: errors, message } = useActionForm(createCustomerAction);
  const consentOptions = [
    { value: "", label: t("consentUnknown") },
    { value: "yes", label: t("consentYes") },
    { value: "no", label: t("consentNo") },
  ];
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(defaultName ?? "");
  const created = state?.ok && !state.data.sameName ? state.data : null;
  const sameName = state?.ok && state.data.sameName ? state.data.sameName : null;
  // The confirmation holds for the name that was warned about, not for one typed since.
  const confirming = sameName !== null && sameName.name === name.trim();

  // After an add, the form starts empty again (state adjusted while rendering, the rest of the form by reset()).
  const [cleared, setCleared] = useState<object | null>(null);
  if (created && cleared !== created) {
    setCleared(created);
    setName("");
  }
  useEffect(() => {
    if (created) formRef.current?.reset();
  }, [created]);

  return (
    <form
      ref={formRef}
      action={dispatch}
      onSubmit={onSubmit}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
      aria-label={t("label")}
    >
      <Input
        id="new-name"
        name="name"
        label={t("name")}
        required
        maxLength={200}
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus={Boolean(defaultName)}
        error={errors?.name}
      />
      <Input id="new-email" name="email" type="email" label={t("email")} autoComplete="off" error={errors?.email} />
      <Input
        id="new-external-id"
        name="externalId"
        label={t("externalId")}
        hint={t("externalIdHint")}
        error={errors?.externalId}
      />
      <Input id="new-phone" name="phone" type="tel" label={t("phone")} autoComplete="off" error={errors?.phone} />
      <Input id="new-tags" name="tags" label={t("tags")} hint={t("tagsHint")} error={errors?.tags} />
      <Select id="new-consent" name="consent" label={t("consent")} options={consentOptions} error={errors?.consent} />
      {units ? <HomeUnitSelect id="new-unit" choice={units} error={errors?.unitId} /> : null}
      <div className="flex flex-col gap-3 sm:col-span-2 lg:col-span-3">
        {message ? <FormMessage tone="error">{message}</FormMessage> : null}
        {created ? (
          <FormMessage tone="success">
            {t("added")}{" "}
            <Link href={`/customers/${created.id}`} className="font-medium underline">
              {created.name ? t("open", { name: created.name }) : t("openProfile")}
            </Link>
          </FormMessage>
        ) : null}
        {confirming ? (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800">
            <p className="font-medium">
              {t(sameName.more ? "sameNameMore" : "sameName", { count: sameName.matches.length, name: sameName.name })}
            </p>
            <ul className="mt-2 flex flex-col gap-1">
              {sameName.matches.map((c) => (
                <li key={c.id} className="min-w-0 break-words">
                  <Link href={`/customers/${c.id}`} className="font-medium text-brand-700 underline">
                    {c.name}
                  </Link>
                  <span className="text-slate-600">
                    {" "}
                    {[c.email, c.externalId].filter(Boolean).join(" · ") || t("noContact")}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-slate-700">{t("ifNot")}</p>
            <input type="hidden" name="allowSameName" value="1" />
          </div>
        ) : null}
        <div>
          <SubmitButton pending={pending} pendingLabel={t("adding")}>
            {confirming ? t("addAnyway") : t("submit")}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
