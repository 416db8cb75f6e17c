// The messages services throw themselves (`new ValidationError([{ name, reason: "…" }])`, `new ConflictError("…")`,
// `new NotFoundError("Survey")`), worded in the page's language the gettext way: the English text is the message
// id. Each entry names the catalogue message under `errors.service` (messages/<locale>/errors.json) whose English
// is the thrown text word for word; a text built from a template is a pattern whose named groups are the
// message's values. The REST API keeps sending the English (docs/i18n.md, "Errors"); a server action's failure
// (action-errors.ts) and a page that shows an API problem's reason (components/i18n/use-service-reason.ts) look
// the text up here. An unknown text stays as it is. service-reasons.test.ts scans lib/** for every reason and
// error message a service throws and fails when one has no entry. Pure and light: it runs in the browser too.

export type ServiceReason = {
  /** The message under `errors.service`. */
  key: string;
  /** The thrown English: exactly, or a pattern whose named groups are the message's values. */
  en: string | RegExp;
  /** A pattern's example, as thrown: the catalogue's English with its values must give it back (the test). */
  example?: string;
  /** Groups that are numbers ("5,000" → 5000), so that the language formats them and picks the plural. */
  numbers?: readonly string[];
};

export const SERVICE_REASONS: readonly ServiceReason[] = [
  { key: "common.invalidFields", en: "The request has invalid fields." },
  { key: "common.signIn", en: "Sign in or send a valid API key." },
  { key: "common.tooMany", en: "Too many requests; try again later." },
  { key: "common.recordNotFound", en: "Record not found." },
  {
    key: "common.keyCannotManageAccess",
    en: "API keys cannot manage access (API keys, invites, members, single sign-on): an admin does this signed in.",
  },
  {
    key: "account.linkNotValid",
    en: "This link does not work any more: it was already used, it expired (links last one hour), or the address changed since. Ask for a new one.",
  },
  { key: "account.userNotFound", en: "User not found." },
  { key: "account.ssoNoPassword", en: "Your account signs in through single sign-on and has no password here." },
  { key: "account.notCurrentPassword", en: "This is not your current password." },
  { key: "account.samePassword", en: "Choose a password different from the current one." },
  {
    key: "account.noMail",
    en: "E-mail is not set up on this server, so a new address cannot be confirmed. Ask an administrator.",
  },
  { key: "account.sameEmail", en: "This is already your e-mail address." },
  {
    key: "account.emailLinkNotValid",
    en: "This link does not work any more: it was used, it expired (links last 24 hours), or it was replaced. Ask for a new one on your account page.",
  },
  { key: "account.emailTaken", en: "Another account already uses this address, so it cannot be moved to yours." },
  { key: "account.sessionNotFound", en: "Session not found." },
  { key: "analytics.unitNotFound", en: "Unit not found." },
  { key: "apiKeys.notFound", en: "API key not found." },
  { key: "audiences.needsColumn", en: "The file needs an `email` or an `externalId` column" },
  { key: "audiences.tooLong", en: "Longer than 120 characters" },
  { key: "audiences.invalidEmail", en: "Not a valid e-mail address" },
  { key: "audiences.giveEmailOrId", en: "Give the customer's e-mail address or external id" },
  { key: "audiences.noCustomerEmail", en: "No customer with this e-mail address" },
  { key: "audiences.noCustomerId", en: "No customer with this external id" },
  { key: "audiences.notFound", en: "Audience not found." },
  { key: "audiences.noTouchpoint", en: "No such touchpoint" },
  { key: "audiences.noJourney", en: "No such journey" },
  { key: "audiences.onlyStatic", en: "Only a static audience has an uploaded member list" },
  // an audience definition's messages (lib/audiences/definition.ts): the builder's refused save, a stored definition's problems
  { key: "audiences.chooseOne", en: "Choose one" },
  { key: "audiences.notValidId", en: "Not a valid id" },
  { key: "audiences.daysNumber", en: "Enter a number of days" },
  { key: "audiences.daysWhole", en: "Enter a whole number of days" },
  { key: "audiences.daysMin", en: "At least 1 day" },
  { key: "audiences.daysMax", en: "At most 3650 days (10 years)" },
  { key: "audiences.nameAttribute", en: "Name the attribute" },
  { key: "audiences.attributeQuotes", en: "An attribute name cannot contain quotes or backslashes" },
  { key: "audiences.enterText", en: "Enter text" },
  { key: "audiences.enterNumber", en: "Enter a number" },
  { key: "audiences.yesOrNo", en: "Choose yes or no" },
  { key: "audiences.oneTag", en: "Add at least one tag" },
  { key: "audiences.enterValue", en: "Enter the value" },
  { key: "audiences.oneValue", en: "Enter at least one value" },
  { key: "audiences.rangeNumbers", en: "A range compares numbers" },
  { key: "audiences.minOrMax", en: "Enter a minimum, a maximum or both" },
  { key: "audiences.maxBelowMin", en: "The maximum is below the minimum" },
  { key: "audiences.languageCode", en: "A language code such as en, de or pt-br" },
  { key: "audiences.oneLanguage", en: "Add at least one language" },
  { key: "audiences.oneConsent", en: "Choose at least one consent state" },
  { key: "audiences.oneCategory", en: "Choose at least one category" },
  { key: "audiences.maxCriteria", en: "At most 20 criteria" },
  { key: "audit.notCursor", en: "Not a cursor from this list" },
  { key: "campaigns.notFound", en: "Campaign not found." },
  { key: "campaigns.noWave", en: "This campaign has no such wave" },
  { key: "campaigns.triggerNotFound", en: "Trigger not found." },
  { key: "campaigns.noSurvey", en: "No such survey" },
  { key: "campaigns.publishFirst", en: "Publish the survey first: only a live survey can be sent" },
  { key: "campaigns.noAudience", en: "No such audience" },
  { key: "campaigns.chooseAction", en: "Choose pause, resume or cancel." },
  { key: "campaigns.notAccepted", en: "This request is not accepted." },
  { key: "cases.notFound", en: "Case not found." },
  { key: "cases.notMember", en: "Not a member of this organization" },
  { key: "cases.memberSuspended", en: "This member is suspended" },
  { key: "cases.memberUnits", en: "This member's units do not include this case" },
  { key: "cases.rootCause", en: "Choose one of the organization's root causes" },
  { key: "cases.describeResolution", en: "Describe how the case was resolved before resolving it" },
  { key: "cases.resurveyResolved", en: "A re-survey is sent only when the case is resolved" },
  { key: "cases.chooseAgent", en: "Choose an agent, manager or admin of this organization" },
  // the case rules form's messages (app/_actions/case-settings.ts) and the root-cause list's (lib/cases/root-causes.ts)
  { key: "cases.npsMaxScore", en: "Enter a whole number from 0 to 10" },
  { key: "cases.csatMaxScore", en: "Enter a whole number from 1 to 5" },
  { key: "cases.cesMaxScore", en: "Enter a whole number from 1 to 7" },
  { key: "cases.dueHours", en: "Enter a whole number of hours from 1 to 720" },
  { key: "cases.chooseAssignee", en: "Choose who gets new cases" },
  { key: "cases.rootCauseBlank", en: "A root cause cannot be blank" },
  { key: "cases.rootCauseLong", en: "Keep each root cause under 80 characters" },
  { key: "cases.rootCauseOne", en: "Keep at least one root cause" },
  { key: "cases.rootCauseTwice", en: "Each root cause must appear only once" },
  { key: "customers.notFound", en: "Customer not found." },
  {
    key: "customers.outsideHome",
    en: "Your membership covers only some units: a customer you add or move needs a home unit among them",
  },
  { key: "customers.erased", en: "This customer has been erased; an erased customer cannot be changed." },
  { key: "digest.pickMembers", en: "Pick members of this organization" },
  { key: "http.keyInvalid", en: "The API key is invalid or revoked." },
  { key: "http.crossSite", en: "Cross-site request refused." },
  { key: "http.unique", en: "A record with the same unique value already exists." },
  { key: "http.siteMayNotSend", en: "This site may not send responses to this survey." },
  { key: "http.siteMayNotCall", en: "This site may not call this survey." },
  { key: "http.nul", en: "Must not contain the NUL character (U+0000)" },
  { key: "http.bodyTooLarge", en: "The request body is too large." },
  { key: "http.malformedJson", en: "Malformed JSON body." },
  { key: "http.notJson", en: "Request body is not valid JSON" },
  { key: "import.attachFile", en: "Attach the CSV file as `file`" },
  { key: "import.empty", en: "The CSV file is empty" },
  { key: "import.noHeader", en: "The file has no header row" },
  { key: "import.mappingObject", en: "Must be a JSON object of CSV column → field" },
  { key: "import.mappingInvalid", en: "The column mapping is invalid." },
  { key: "import.notJson", en: "Not valid JSON" },
  { key: "import.surveyNotFound", en: "Survey not found." },
  { key: "interactions.notFound", en: "Interaction not found." },
  { key: "interactions.touchpointNotFound", en: "Touchpoint not found." },
  { key: "interactions.channelNotFound", en: "Channel not found." },
  {
    key: "interactions.unitArchived",
    en: "Your unit is archived, and this would log the interaction outside your units",
  },
  { key: "journeys.notFound", en: "Journey not found." },
  { key: "journeys.stageNotFound", en: "Stage not found." },
  { key: "journeys.channelArchived", en: "This channel is archived" },
  { key: "journeys.stageArchived", en: "This stage is archived; restore it first" },
  { key: "journeys.sameJourney", en: "Must be a stage of the same journey" },
  { key: "journeys.noLiveSurvey", en: "No such live survey" },
  { key: "journeys.noLinkedSurvey", en: "No live survey is linked to this touchpoint: choose one" },
  { key: "members.onlyAdminsReset", en: "Only admins can reset a member's password." },
  { key: "members.notFound", en: "Member not found." },
  { key: "members.ownPassword", en: "Change your own password on your account page." },
  { key: "members.suspendedByIdp", en: "This member is suspended by the identity provider; nothing to reset." },
  {
    key: "members.ssoRequired",
    en: "This organization requires single sign-on: a password would not let the member in. They sign in through your identity provider.",
  },
  {
    key: "members.otherOrgs",
    en: "This person's account also opens other organizations, so only they can reset its password: ask them to use “Forgot password” on the sign-in page.",
  },
  {
    key: "members.resetMailFailed",
    en: "The e-mail could not be sent (the mail server refused it or did not answer), so the link was withdrawn. Try again later.",
  },
  {
    key: "members.lastAdmin",
    en: "An organization needs at least one admin for the whole organization; make someone else one first.",
  },
  {
    key: "members.inviteMailFailed",
    en: "The invite e-mail could not be sent (the mail server refused it or did not answer), so the invite was withdrawn. Try again later.",
  },
  { key: "members.inviteNotFound", en: "Invite not found." },
  { key: "members.inviteAccepted", en: "This invite was already accepted; remove the member instead." },
  { key: "members.inviteUsed", en: "This invite was already used." },
  { key: "privacy.alreadyErased", en: "This customer has already been erased." },
  {
    key: "privacy.retentionRunning",
    en: "The retention policy is being applied right now by another run. Try again in a few minutes.",
  },
  { key: "responses.notFound", en: "Response not found." },
  { key: "scim.groupNotFound", en: "SCIM group not found." },
  { key: "scim.tokenNotFound", en: "SCIM token not found." },
  { key: "setup.wrongToken", en: "This is not the setup token printed by the server" },
  { key: "setup.complete", en: "Setup is complete: this installation already has an account. Sign in instead." },
  { key: "setup.running", en: "Setup is already running or complete. Sign in instead." },
  { key: "sso.notFound", en: "Single sign-on connection not found." },
  { key: "sso.addDomainFirst", en: "Add the domain to the connection's allowed domains first" },
  { key: "sso.orgNotFound", en: "Organization not found." },
  {
    key: "sso.signInFirst",
    en: "Sign in once through single sign-on as an admin of this organization before requiring it, so that someone can still get in.",
  },
  {
    key: "sso.secretUnreadable",
    en: "The stored secret cannot be read with this server's key (was NEXTAUTH_SECRET changed?): enter it again",
  },
  { key: "sso.enterSecret", en: "Enter the client secret the identity provider gave you" },
  { key: "sso.enableFirst", en: "Enable the connection to require it" },
  { key: "sso.issuerInsecure", en: "Use an https:// issuer URL." },
  {
    key: "sso.issuerBlocked",
    en: "This issuer is on a loopback, private or link-local address, which the server does not contact. The operator can allow it with SSO_ISSUER_ALLOWLIST.",
  },
  {
    key: "sso.issuerUnreachable",
    en: "The issuer could not be reached (name lookup, connection, TLS or timeout). Check the URL and that the server can reach it.",
  },
  {
    key: "sso.issuerInvalid",
    en: "No valid OpenID Connect discovery document was found for this issuer (/.well-known/openid-configuration). Check the URL: it must be the issuer exactly as the provider names it.",
  },
  { key: "surveys.managerRole", en: "Editing surveys needs the manager role or higher." },
  { key: "surveys.noTouchpoint", en: "No such touchpoint in this organization" },
  { key: "surveys.defaultLanguage", en: "The default language must be one of the survey's languages" },
  { key: "surveys.needsQuestion", en: "A published survey needs at least one question" },
  { key: "surveys.invalidQuestions", en: "Some questions are invalid." },
  {
    key: "surveys.answeredQuestions",
    en: "Questions that already have answers cannot change their key, type, scale or option keys.",
  },
  { key: "surveys.noQuestions", en: "The survey has no questions." },
  { key: "surveys.addQuestion", en: "Add at least one question before publishing" },
  { key: "surveys.statusChanged", en: "The survey's status changed meanwhile; reload and try again." },
  { key: "surveys.notChannel", en: "Not a channel of this survey's organization" },
  { key: "surveys.notTouchpoint", en: "Not a touchpoint of this survey's organization" },
  { key: "surveys.responseChanged", en: "The response changed while it was being saved; send it again." },
  { key: "textAnalytics.themeNotFound", en: "Theme not found." },
  { key: "textAnalytics.themeKeyTaken", en: "Another theme has this key" },
  { key: "triggers.onlyInteractionTouchpoint", en: "Only an interaction trigger has a touchpoint" },
  { key: "triggers.onlyInteractionOutcome", en: "Only an interaction trigger has an outcome" },
  { key: "triggers.resurveyOwnSurvey", en: "The re-survey uses the case's own survey: this cannot be set" },
  { key: "triggers.resurveyEmail", en: "The re-survey goes by e-mail" },
  { key: "triggers.onlyInteractionBoth", en: "Only an interaction trigger has a touchpoint and an outcome" },
  { key: "triggers.max90Days", en: "At most 90 days" },
  { key: "triggers.resurveyBuiltIn", en: "The re-survey trigger is built in: pause it instead of deleting it." },
  {
    key: "twoFactor.ownFirst",
    en: "Turn on two-factor authentication for your own account first (the “Two-factor authentication” link under your name), then require it for everyone.",
  },
  { key: "twoFactor.setupExpired", en: "This setup page has expired. Reload it and scan the new QR code." },
  {
    key: "twoFactor.wrongCode",
    en: "That code is not right. Enter the current 6-digit code from your app, or an unused recovery code.",
  },
  { key: "twoFactor.alreadyOn", en: "Two-factor authentication is already on for your account." },
  { key: "twoFactor.notOn", en: "Two-factor authentication is not on for your account." },
  { key: "twoFactor.notCurrentPassword", en: "That is not your current password." },
  { key: "units.treeChanged", en: "The unit tree changed while importing; try again." },
  { key: "units.archivedChooseAnother", en: "This unit is archived; restore it or choose another" },
  { key: "units.noUnit", en: "No such unit" },
  { key: "units.parentArchived", en: "The parent unit is archived" },
  { key: "units.codeTaken", en: "Another unit of the organization has this code." },
  { key: "units.parentArchivedRestore", en: "Its parent unit is archived: restore or move it first" },
  {
    key: "webhooks.blockedUrl",
    en: "This URL points at a loopback, private, link-local or otherwise internal address, which Resonance does not send to. An operator can allow an internal receiver with WEBHOOK_ALLOWLIST.",
  },
  { key: "webhooks.endpointNotFound", en: "Webhook endpoint not found." },
  { key: "webhooks.deliveryRunning", en: "This delivery is being attempted right now; look again in a moment." },
  { key: "webhooks.deliveryNotFound", en: "Delivery not found." },
  {
    key: "audiences.rowsUnusable",
    en: /^(?<count>\d+) rows? of the file cannot be used; nothing was saved\.$/,
    example: "3 rows of the file cannot be used; nothing was saved.",
    numbers: ["count"],
  },
  {
    key: "campaigns.cannotNow",
    en: /^The campaign is (?<status>\w+): it cannot be (?<action>\w+)d now\.$/,
    example: "The campaign is cancelled: it cannot be paused now.",
  },
  {
    key: "customers.externalIdTaken",
    en: /^A customer with external id "(?<externalId>.*)" already exists\.$/,
    example: 'A customer with external id "C-1" already exists.',
  },
  {
    key: "http.needsRole",
    en: /^This action needs the (?<role>\w+) role or higher\.$/,
    example: "This action needs the manager role or higher.",
  },
  {
    key: "import.notReadable",
    en: /^Not a readable CSV file: (?<error>.*)$/,
    example: "Not a readable CSV file: Invalid Closing Quote",
  },
  {
    key: "import.noRecords",
    en: /^The file has no (?<what>\w+) after the header$/,
    example: "The file has no customers after the header",
  },
  {
    key: "journeys.stageTwice",
    en: /^Lists a stage more than once: (?<ids>.*)$/,
    example: "Lists a stage more than once: s1",
  },
  {
    key: "journeys.notActiveStage",
    en: /^Not an active stage of this journey: (?<ids>.*)$/,
    example: "Not an active stage of this journey: s9",
  },
  {
    key: "journeys.leavesOut",
    en: /^Leaves out (?<count>\d+) active stages? of this journey$/,
    example: "Leaves out 2 active stages of this journey",
    numbers: ["count"],
  },
  {
    key: "members.alreadyMember",
    en: /^(?<email>\S+@\S+) is already a member\.$/,
    example: "ada@example.com is already a member.",
  },
  { key: "members.inviteFor", en: /^This invite is for (?<email>.*)$/, example: "This invite is for ada@example.com" },
  {
    key: "privacy.typeToConfirm",
    en: /^Type the customer's name or (?<word>\S+) to confirm$/,
    example: "Type the customer's name or ERASE to confirm",
  },
  {
    key: "sso.domainTaken",
    en: /^(?<domain>\S+) is already verified by another organization on this server; only one organization can sign in its addresses\.$/,
    example:
      "example.com is already verified by another organization on this server; only one organization can sign in its addresses.",
  },
  {
    key: "sso.dnsFailed",
    en: /^The DNS lookup of (?<name>\S+) failed; try again in a minute\.$/,
    example: "The DNS lookup of _resonance.example.com failed; try again in a minute.",
  },
  {
    key: "sso.noTxtRecord",
    en: /^No TXT record “(?<value>.*)” at (?<name>\S+) yet \(new records can take a while to appear\)\.$/,
    example:
      "No TXT record “resonance-verify=abc” at _resonance.example.com yet (new records can take a while to appear).",
  },
  {
    key: "sso.domainNotAllowed",
    en: /^(?<domain>\S+) is not among the connection's allowed domains \((?<listed>.*)\)$/,
    example: "example.org is not among the connection's allowed domains (example.com)",
  },
  {
    key: "sso.verifiedElsewhere",
    en: /^(?<domain>\S+) is verified by another organization on this server$/,
    example: "example.com is verified by another organization on this server",
  },
  {
    key: "surveys.onlyFrom",
    en: /^Only a (?<from>\w+) survey can be (?<done>\w+); this one is (?<status>\w+)\.$/,
    example: "Only a draft survey can be published; this one is live.",
  },
  {
    key: "textAnalytics.maxThemes",
    en: /^At most (?<max>[\d,]+) themes \(archived ones count\): delete one first$/,
    example: "At most 60 themes (archived ones count): delete one first",
    numbers: ["max"],
  },
  {
    key: "units.needsColumn",
    en: /^The file needs a `(?<column>[^`]+)` column$/,
    example: "The file needs a `name` column",
  },
  {
    key: "units.needsTwoColumns",
    en: /^The file needs a `(?<first>[^`]+)` and a `(?<second>[^`]+)` column$/,
    example: "The file needs a `code` and a `name` column",
  },
  {
    key: "units.maxUnitsFile",
    en: /^An organization has at most (?<max>[\d,]+) units; the file would make (?<count>[\d,]+)$/,
    example: "An organization has at most 5,000 units; the file would make 5,200",
    numbers: ["max", "count"],
  },
  {
    key: "units.problems",
    en: /^(?<count>\d+) problems? in the file; nothing was saved\.$/,
    example: "2 problems in the file; nothing was saved.",
    numbers: ["count"],
  },
  {
    key: "units.maxUnits",
    en: /^An organization has at most (?<max>[\d,]+) units$/,
    example: "An organization has at most 5,000 units",
    numbers: ["max"],
  },
  {
    key: "units.maxDepth",
    en: /^A tree has at most (?<max>\d+) levels$/,
    example: "A tree has at most 8 levels",
    numbers: ["max"],
  },
  {
    key: "units.maxUnitsConflict",
    en: /^An organization has at most (?<max>[\d,]+) units\.$/,
    example: "An organization has at most 5,000 units.",
    numbers: ["max"],
  },
  {
    key: "units.tooDeep",
    en: /^The tree would have more than (?<max>\d+) levels$/,
    example: "The tree would have more than 8 levels",
    numbers: ["max"],
  },
  // the units CSV import's row problems (lib/units/csv.ts, the zod messages of lib/units/schema.ts) and its form
  { key: "units.giveCode", en: "Give the unit a code" },
  { key: "units.nameUnit", en: "Name the unit" },
  { key: "units.codeRule", en: "Letters, digits, '.', '-' and '_', starting with a letter or digit" },
  { key: "units.changeSomething", en: "Change the code, the name or the kind" },
  { key: "units.notDate", en: "Not a date" },
  { key: "units.chooseRowKind", en: "Choose at least one kind of row" },
  {
    key: "units.nameRows",
    en: "Name the rows to move: their current unit (fromUnitId, null for none) or their touchpoint",
  },
  { key: "units.afterFrom", en: "Must be after from" },
  { key: "units.alreadyThere", en: "The rows are in this unit already" },
  {
    key: "units.codeOnRow",
    en: /^The same code is on row (?<row>\d+) already$/,
    example: "The same code is on row 3 already",
  },
  { key: "units.trueFalse", en: "Write true or false (or leave it empty)" },
  { key: "units.noParent", en: "No unit with this code in the organization or the file" },
  { key: "units.ownParent", en: "A unit cannot be its own parent" },
  { key: "units.chooseFile", en: "Choose a CSV file" },
  // the CSV limits (lib/import/csv.ts), the import report's row reasons (lib/import/*: a reference, a cell, a zod
  // message of the row's schema), a response's answers (lib/surveys/answers.ts), the lists' filters, org creation
  { key: "import.notMultipart", en: "Not a readable multipart/form-data body" },
  { key: "import.noBoundary", en: "Not a readable multipart/form-data body (no boundary)" },
  {
    key: "import.tooManyBytes",
    en: /^The file is larger than the import limit of (?<mb>[\d,.]+) MB \((?<bytes>[\d,]+) bytes, RESONANCE_IMPORT_MAX_BYTES\)\. Split it into smaller files\.$/,
    example:
      "The file is larger than the import limit of 20 MB (20,000,000 bytes, RESONANCE_IMPORT_MAX_BYTES). Split it into smaller files.",
    numbers: ["mb", "bytes"],
  },
  {
    key: "import.tooManyRows",
    en: /^The file has more than the import limit of (?<max>[\d,]+) rows \(RESONANCE_IMPORT_MAX_ROWS\)\. Split it into smaller files\.$/,
    example:
      "The file has more than the import limit of 200,000 rows (RESONANCE_IMPORT_MAX_ROWS). Split it into smaller files.",
    numbers: ["max"],
  },
  { key: "import.required", en: "Required" },
  {
    key: "import.stoppedOurSide",
    en: "The import stopped because of an error on our side. Rows written before it stay written.",
  },
  {
    key: "import.noUnit",
    en: /^No unit with the code "(?<code>.*)" in this organization$/,
    example: 'No unit with the code "N1" in this organization',
  },
  {
    key: "import.unitArchived",
    en: /^The unit "(?<code>.*)" is archived; restore it or name another$/,
    example: 'The unit "N1" is archived; restore it or name another',
  },
  { key: "import.yesNo", en: "Use yes/no, true/false or 1/0" },
  {
    key: "import.emotion",
    en: /^Use −2\.\.\+2 or (?<labels>.+)$/,
    example: "Use −2..+2 or Very upset, Unhappy, Neutral, Pleased, Delighted",
  },
  {
    key: "import.noChannel",
    en: /^No channel with the key "(?<key>.*)"$/,
    example: 'No channel with the key "web"',
  },
  {
    key: "import.noChannelKeyOrName",
    en: /^No channel with the key or name "(?<key>.*)"$/,
    example: 'No channel with the key or name "web"',
  },
  {
    key: "import.staffNotMember",
    en: /^(?<staff>.+) is not a member of this organization$/,
    example: "ada@example.com is not a member of this organization",
  },
  {
    key: "import.severalTouchpoints",
    en: "Several touchpoints have this name; use the touchpoint id or Journey / Stage / Touchpoint",
  },
  {
    key: "import.noTouchpoint",
    en: /^No touchpoint "(?<value>.*)" \((?<ids>id|id, name) or Journey \/ Stage \/ Touchpoint\) in this organization$/,
    example: 'No touchpoint "Checkout" (id, name or Journey / Stage / Touchpoint) in this organization',
  },
  {
    key: "import.sameEmail",
    en: /^(?<count>\d+) customers have the e-mail "(?<email>.*)"; use their external id$/,
    example: '2 customers have the e-mail "ada@example.com"; use their external id',
    numbers: ["count"],
  },
  {
    key: "import.noCustomer",
    en: /^No customer with the external id or e-mail "(?<value>.*)" in this organization$/,
    example: 'No customer with the external id or e-mail "C-1" in this organization',
  },
  {
    key: "import.duplicateRow",
    en: /^Duplicate of row (?<row>\d+) in this file$/,
    example: "Duplicate of row 2 in this file",
  },
  {
    key: "import.useOneOf",
    en: /^Use one of (?<options>.+)$/,
    example: "Use one of resolved, follow_up, escalated, no_action",
  },
  { key: "import.isoDateTime", en: "Use an ISO date-time such as 2026-03-14T09:30:00Z" },
  { key: "import.notRealDate", en: "Not a real date" },
  { key: "import.emotionRange", en: "Emotion is −2..+2" },
  { key: "import.clientIdShort", en: "clientId needs at least 8 characters" },
  {
    key: "answers.wholeNumber",
    en: /^Expected a whole number from (?<min>-?\d+) to (?<max>-?\d+)$/,
    example: "Expected a whole number from 0 to 10",
  },
  {
    key: "answers.range",
    en: /^Must be from (?<min>-?\d+) to (?<max>-?\d+)$/,
    example: "Must be from 1 to 5",
  },
  { key: "answers.trueFalse", en: "Expected true or false" },
  { key: "answers.text", en: "Expected text" },
  { key: "answers.oneOption", en: "Expected one option key" },
  {
    key: "answers.notOption",
    en: /^Not an option of this question: (?<value>.*)$/,
    example: "Not an option of this question: maybe",
  },
  { key: "answers.optionList", en: "Expected a list of option keys" },
  { key: "answers.optionTwice", en: "Each option may be chosen once" },
  { key: "answers.object", en: "Expected an object of answers keyed by question key" },
  {
    key: "answers.maxAnswers",
    en: /^At most (?<max>\d+) answers$/,
    example: "At most 200 answers",
    numbers: ["max"],
  },
  { key: "answers.noQuestion", en: "This survey has no such question" },
  { key: "answers.hidden", en: "Not asked for the answers given (skip logic); leave it out" },
  { key: "answers.required", en: "Required to complete the response" },
  { key: "answers.atLeastOne", en: "Answer at least one question" },
  { key: "filters.staffOrApi", en: "Use staff or api" },
  { key: "filters.emotion", en: "Use a number from −2 to 2" },
  { key: "filters.wholeNumber", en: "Use a whole number" },
  { key: "filters.score", en: "Use a score from 0 to 10" },
  { key: "filters.metric", en: "Use nps, csat or ces" },
  { key: "filters.completion", en: "Use completed or partial" },
  { key: "filters.trueFalse", en: "Use true or false" },
  {
    key: "orgs.tooManyHour",
    en: /^You have created (?<limit>\d+) organizations today, the most one account may\. Try again in an hour\.$/,
    example: "You have created 10 organizations today, the most one account may. Try again in an hour.",
  },
  {
    key: "orgs.tooManyHours",
    en: /^You have created (?<limit>\d+) organizations today, the most one account may\. Try again in (?<hours>\d+) hours\.$/,
    example: "You have created 10 organizations today, the most one account may. Try again in 5 hours.",
  },
  // the survey builder's schema (lib/surveys/builder-schema.ts): the editor shows a refused save's reasons
  {
    key: "surveys.keyRequired",
    en: /^(?<what>Key|Option key) is required$/,
    example: "Option key is required",
  },
  {
    key: "surveys.keyFormat",
    en: /^(?<what>Key|Option key): lower-case letters, digits and _ , starting with a letter$/,
    example: "Key: lower-case letters, digits and _ , starting with a letter",
  },
  { key: "surveys.languageTag", en: "Not a language tag (e.g. en, de-CH)" },
  {
    key: "surveys.atMostCharacters",
    en: /^At most (?<max>\d+) characters$/,
    example: "At most 200 characters",
    numbers: ["max"],
  },
  {
    key: "surveys.atMostQuestions",
    en: /^At most (?<max>\d+) questions$/,
    example: "At most 100 questions",
    numbers: ["max"],
  },
  { key: "surveys.pickLanguage", en: "Pick at least one language" },
  { key: "surveys.nameRequired", en: "Name is required" },
  { key: "surveys.notOrigin", en: "Not a site origin (e.g. https://www.example.com)" },
  { key: "surveys.nothingToChange", en: "Nothing to change" },
  // The messages of the pages' filter schemas (lib/http/query-fields.ts, lib/analytics/filters.ts,
  // lib/responses/schema.ts) that say more than the code: a page's filter error words them (getIssueWording).
  { key: "filters.instant", en: "Use a date (YYYY-MM-DD) or an ISO date-time" },
  { key: "filters.endBeforeStart", en: "The end is before the start" },
  { key: "filters.isoDate", en: "Use an ISO date: YYYY-MM-DD" },
  { key: "filters.dateBetween", en: "Not a valid date between 2000-01-01 and 2099-12-31" },
  { key: "filters.needsFrom", en: "A custom range needs a start date (from)" },
  { key: "filters.needsTo", en: "A custom range needs an end date (to)" },
  { key: "filters.endDateBeforeStart", en: "The end date is before the start date" },
  { key: "filters.rangeTooLong", en: "The range is longer than 10 years" },
  { key: "filters.pickTwoSegments", en: "Pick two different segments" },
  { key: "filters.highestBelowLowest", en: "The highest score is below the lowest" },
  {
    key: "filters.bucketTooLong",
    en: /^(?<bucket>day|week|month) buckets cover at most (?<days>\d+) days; pick a longer bucket or a shorter period$/,
    example: "day buckets cover at most 400 days; pick a longer bucket or a shorter period",
    numbers: ["days"],
  },
  {
    key: "filters.pickSegment",
    en: /^Pick a segment to compare with "(?<compare>.*)"$/,
    example: 'Pick a segment to compare with "vip"',
  },
  // zod's own English (its default messages, zod 4's locales/en) where a schema gives none: a page that shows a zod
  // issue's message as text (a problem's reason, an import row's, a stored audience's) words it like errors.field.
  // Patterns after the exact texts; `invalidType` before `invalidLiteral` (both start "Invalid input: expected").
  { key: "zod.invalidInput", en: "Invalid input" },
  { key: "zod.severalMatched", en: "Invalid input: more than one option matched" },
  { key: "zod.email", en: "Invalid email address" },
  { key: "zod.url", en: "Invalid URL" },
  { key: "zod.date", en: "Invalid ISO date" },
  { key: "zod.dateTime", en: "Invalid ISO datetime" },
  {
    key: "zod.tooShort",
    en: /^Too small: expected string to have >=(?<min>\d+) characters$/,
    example: "Too small: expected string to have >=2 characters",
    numbers: ["min"],
  },
  {
    key: "zod.tooLong",
    en: /^Too big: expected string to have <=(?<max>\d+) characters$/,
    example: "Too big: expected string to have <=120 characters",
    numbers: ["max"],
  },
  {
    key: "zod.tooFew",
    en: /^Too small: expected array to have >=(?<min>\d+) items$/,
    example: "Too small: expected array to have >=1 items",
    numbers: ["min"],
  },
  {
    key: "zod.tooMany",
    en: /^Too big: expected array to have <=(?<max>\d+) items$/,
    example: "Too big: expected array to have <=20 items",
    numbers: ["max"],
  },
  {
    key: "zod.tooSmall",
    en: /^Too small: expected number to be >=(?<min>-?\d+(?:\.\d+)?)$/,
    example: "Too small: expected number to be >=1",
    numbers: ["min"],
  },
  {
    key: "zod.notAbove",
    en: /^Too small: expected number to be >(?<min>-?\d+(?:\.\d+)?)$/,
    example: "Too small: expected number to be >0",
    numbers: ["min"],
  },
  {
    key: "zod.tooBig",
    en: /^Too big: expected number to be <=(?<max>-?\d+(?:\.\d+)?)$/,
    example: "Too big: expected number to be <=10",
    numbers: ["max"],
  },
  {
    key: "zod.notBelow",
    en: /^Too big: expected number to be <(?<max>-?\d+(?:\.\d+)?)$/,
    example: "Too big: expected number to be <100",
    numbers: ["max"],
  },
  {
    key: "zod.invalidType",
    en: /^Invalid input: expected (?<expected>\w+), received (?<received>\w+)$/,
    example: "Invalid input: expected string, received undefined",
  },
  {
    key: "zod.invalidOption",
    en: /^Invalid option: expected one of (?<options>.+)$/,
    example: 'Invalid option: expected one of "any"|"all"',
  },
  {
    key: "zod.invalidLiteral",
    en: /^Invalid input: expected (?<value>.+)$/,
    example: 'Invalid input: expected "tags"',
  },
  {
    key: "zod.pattern",
    en: /^Invalid string: must match pattern (?<pattern>.+)$/,
    example: "Invalid string: must match pattern /^[a-z]+$/",
  },
  {
    key: "zod.discriminator",
    en: /^Invalid discriminator value\. Expected (?<options>.+)$/,
    example: "Invalid discriminator value. Expected 'tags' | 'attribute'",
  },
  {
    key: "zod.unknownKeys",
    en: /^Unrecognized key(?<s>s?): (?<keys>.+)$/,
    example: 'Unrecognized keys: "a", "b"',
  },
];

export type ServiceMessage = { key: string; values: Record<string, string | number> };

const EXACT = new Map(SERVICE_REASONS.filter((r) => typeof r.en === "string").map((r) => [r.en as string, r]));
const PATTERNS = SERVICE_REASONS.filter((r) => r.en instanceof RegExp);

/** The catalogue message (key under `errors.service`, values) of an English service text, or null when unknown. */
export function matchServiceReason(text: string): ServiceMessage | null {
  const exact = EXACT.get(text);
  if (exact) return { key: exact.key, values: {} };
  for (const r of PATTERNS) {
    const groups = (r.en as RegExp).exec(text)?.groups;
    if (!groups) continue;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(groups))
      values[name] = r.numbers?.includes(name) ? Number(value.replaceAll(",", "")) : value;
    return { key: r.key, values };
  }
  return null;
}

/** A translator of `errors.service` (next-intl's, narrowed to what this needs). */
export type ServiceReasonT = (key: string, values: Record<string, string | number>) => string;

/** `text` in the translator's language when it is a service text of the table; otherwise as it is. */
export function translateServiceReason(t: ServiceReasonT, text: string): string {
  const m = matchServiceReason(text);
  return m ? t(m.key, m.values) : text;
}
