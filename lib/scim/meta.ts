// The discovery documents of RFC 7643 §5–7 (ServiceProviderConfig, ResourceTypes, Schemas) and the list
// envelope. They describe what lib/scim/users.ts and groups.ts really do: PATCH yes, filter (eq) yes, no bulk,
// no sort, no ETags, no password change.
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const MAX_RESULTS = 200;

export function listResponse<T>(totalResults: number, startIndex: number, resources: T[]) {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A SCIM token made by an admin in Settings → SCIM provisioning",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

const RESOURCE_TYPES = [
  { id: "User", name: "User", endpoint: "/Users", description: "A member of the organization", schema: USER_SCHEMA },
  {
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "A group of members, optionally mapped to a role",
    schema: GROUP_SCHEMA,
  },
];

export function resourceTypes(baseUrl: string) {
  return RESOURCE_TYPES.map((t) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    ...t,
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${t.id}` },
  }));
}

type Attr = {
  name: string;
  type: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  uniqueness?: string;
  caseExact?: boolean;
  subAttributes?: Attr[];
  description?: string;
};

function attr(a: Attr): Record<string, unknown> {
  return {
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...a,
    ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attr) } : {}),
  };
}

const USER_ATTRIBUTES: Attr[] = [
  {
    name: "userName",
    type: "string",
    required: true,
    uniqueness: "server",
    description: "The person's e-mail address; it signs them in.",
  },
  {
    name: "name",
    type: "complex",
    subAttributes: [
      { name: "formatted", type: "string" },
      { name: "givenName", type: "string" },
      { name: "familyName", type: "string" },
    ],
  },
  { name: "displayName", type: "string" },
  {
    name: "emails",
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    description: "The userName, as the work address.",
    subAttributes: [
      { name: "value", type: "string" },
      { name: "type", type: "string" },
      { name: "primary", type: "boolean" },
    ],
  },
  {
    name: "active",
    type: "boolean",
    description: "false suspends the membership: sessions and API keys stop working.",
  },
  {
    name: "groups",
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    subAttributes: [
      { name: "value", type: "string" },
      { name: "display", type: "string" },
      { name: "$ref", type: "reference" },
    ],
  },
];

const GROUP_ATTRIBUTES: Attr[] = [
  {
    name: "displayName",
    type: "string",
    required: true,
    uniqueness: "server",
    description: "Names like resonance-admins map the group to a role.",
  },
  {
    name: "members",
    type: "complex",
    multiValued: true,
    subAttributes: [
      { name: "value", type: "string", mutability: "immutable" },
      { name: "display", type: "string", mutability: "readOnly" },
      { name: "$ref", type: "reference", mutability: "immutable" },
    ],
  },
];

export function schemaDocuments(baseUrl: string) {
  return [
    {
      id: USER_SCHEMA,
      name: "User",
      description: "A member of the organization",
      attributes: USER_ATTRIBUTES.map(attr),
    },
    { id: GROUP_SCHEMA, name: "Group", description: "A group of members", attributes: GROUP_ATTRIBUTES.map(attr) },
  ].map((s) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    ...s,
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${s.id}` },
  }));
}
