"use client";
// Make or rotate the customer-token signing secret: the new secret is shown exactly once.
import { useTranslations } from "next-intl";
import { rotateCustomerTokenSecretAction } from "@/app/_actions/customer-tokens";
import { Select } from "../../ui/select";
import { OneTimeSecret } from "../../ui/one-time-secret";
import { SecretForm } from "../secret-form";
import { utcMinute } from "./when";

// How long the current secret stays valid after a rotation: hours, and the key of its name in the catalogue.
const GRACE_OPTIONS = [
  { value: "168", key: "days7" },
  { value: "24", key: "hours24" },
  { value: "0", key: "notAtAll" },
] as const;

export function RotateSecretForm({ hasSecret }: { hasSecret: boolean }) {
  const t = useTranslations("settings.rotateSecret");
  return (
    <SecretForm
      action={rotateCustomerTokenSecretAction}
      label={hasSecret ? t("rotateLabel") : t("createLabel")}
      submitLabel={hasSecret ? t("rotate") : t("create")}
      pendingLabel={hasSecret ? t("rotating") : t("creating")}
      fields={(fieldErrors) =>
        hasSecret ? (
          <Select
            id="previous-valid-hours"
            name="previousValidHours"
            label={t("grace")}
            hint={t("graceHint")}
            defaultValue="168"
            options={GRACE_OPTIONS.map((o) => ({ value: o.value, label: t(o.key) }))}
            error={fieldErrors?.previousValidHours}
            className="sm:w-72"
          />
        ) : null
      }
      secret={(data) => (
        <OneTimeSecret
          id="new-customer-token-secret"
          label={t("secretLabel", { hint: data.hint })}
          value={data.secret}
          what="secret"
        >
          {t("store")}
          {data.previousValidUntil
            ? ` ${t("previousUntil", { until: utcMinute(new Date(data.previousValidUntil)) })}`
            : null}
        </OneTimeSecret>
      )}
    />
  );
}
