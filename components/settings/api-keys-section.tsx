// API keys: create (shown once), list by prefix, revoke.
import { revokeApiKeyAction } from "@/app/_actions/settings";
import { useTranslations } from "next-intl";
import { isRole } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { TokenTable } from "./token-table";
import { ApiKeyForm } from "./api-key-form";
import { scopeLabel, useScopeWords, type UnitChoice } from "./scope-options";

type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  unit?: { name: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function ApiKeysSection({ keys, units = [] }: { keys: ApiKey[]; units?: UnitChoice[] }) {
  const t = useTranslations("settings");
  const c = useTranslations("common");
  const words = useScopeWords();
  return (
    <Section
      id="api-keys"
      title={t("nav.apiKeys")}
      description={t.rich("apiKeys.description", {
        a: (chunks) => (
          <a className="text-brand-700 underline" href="/docs/api">
            {chunks}
          </a>
        ),
      })}
    >
      <ApiKeyForm units={units} />
      <div className="mt-6">
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">{t("apiKeys.none")}</p>
        ) : (
          <TokenTable
            label={t("apiKeys.table")}
            noun={t("apiKeys.noun")}
            tokens={keys}
            revoke={(id) => revokeApiKeyAction.bind(null, id)}
            confirm={(k) => t("apiKeys.confirm", { name: k.name })}
            extra={{
              header: units.length ? t("apiKeys.roleAndScope") : t("apiKeys.role"),
              cell: (k) => (
                <>
                  {isRole(k.role) ? c(`roles.${k.role}.label`) : k.role}
                  {units.length || k.unit ? (
                    <span className="block text-xs text-slate-600">{scopeLabel(k.unit, words)}</span>
                  ) : null}
                </>
              ),
            }}
          />
        )}
      </div>
    </Section>
  );
}
