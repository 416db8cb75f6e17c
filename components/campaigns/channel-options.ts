// The channels a campaign or trigger sends by (lib/campaigns/address.ts), as the forms offer them.
export const CHANNEL_OPTIONS = [
  { value: "email", label: "E-mail" },
  { value: "sms", label: "SMS" },
];

export const SMS_HINT = "SMS goes to the customer's phone number in international form (+41 …)";
