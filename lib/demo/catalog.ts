// The static part of the demo organization: channels, journeys, stages (with blueprint lanes) and
// touchpoints (with their promise). `quality` is how the touchpoint really performs relative to its
// promise (0 = as promised, −1 = about a point short on CSAT, +0.5 = better than promised); `volume`
// is its relative share of interactions.

export const CHANNELS = [
  { key: "web", name: "Website" },
  { key: "mobile_app", name: "Mobile app" },
  { key: "email", name: "Email" },
  { key: "phone", name: "Phone" },
  { key: "store", name: "Store" },
  { key: "chat", name: "Live chat" },
  { key: "social", name: "Social media" },
] as const;

export type ChannelKey = (typeof CHANNELS)[number]["key"];
export type TouchpointKind = "digital" | "human" | "physical";
export type ServqualDimension = "tangibles" | "reliability" | "responsiveness" | "assurance" | "empathy";

export interface TouchpointDef {
  name: string;
  channel: ChannelKey | null;
  kind: TouchpointKind;
  targetCsat: number | null;
  targetCes: number | null;
  targetNps: number | null;
  servqual: ServqualDimension | null;
  quality: number;
  volume: number;
  promise: string;
}

export interface StageDef {
  name: string;
  description: string;
  customerAction: string;
  frontstage: string;
  backstage: string;
  supportSystems: string;
  touchpoints: TouchpointDef[];
}

export interface JourneyDef {
  name: string;
  description: string;
  stages: StageDef[];
}

type Targets = [csat: number | null, ces: number | null, nps: number | null];

function tp(
  name: string,
  channel: ChannelKey | null,
  kind: TouchpointKind,
  [targetCsat, targetCes, targetNps]: Targets,
  servqual: ServqualDimension | null,
  quality: number,
  volume: number,
  promise: string,
): TouchpointDef {
  return { name, channel, kind, targetCsat, targetCes, targetNps, servqual, quality, volume, promise };
}

type Lanes = [customerAction: string, frontstage: string, backstage: string, supportSystems: string];

function stage(name: string, description: string, lanes: Lanes, touchpoints: TouchpointDef[]): StageDef {
  const [customerAction, frontstage, backstage, supportSystems] = lanes;
  return { name, description, customerAction, frontstage, backstage, supportSystems, touchpoints };
}

/** Touchpoints that clearly fall short of their promise in the generated data. */
export const DEMO_UNDER_PROMISE = [
  "Phone support call back",
  "Home broadband activation",
  "Bill dispute form",
] as const;
/** A touchpoint that clearly does better than promised. */
export const DEMO_ABOVE_PROMISE = ["In-store device setup"] as const;

export const JOURNEYS: JourneyDef[] = [
  {
    name: "Onboarding",
    description: "From the first look at our plans to a working connection and a first bill that makes sense.",
    stages: [
      stage(
        "Discover",
        "The customer compares providers and checks what they can get at home.",
        [
          "Compares plans and checks coverage at their address",
          "Plan pages, coverage checker, social ads, store advisers",
          "Campaign planning, nightly coverage data refresh",
          "CMS, coverage API, ad platform",
        ],
        [
          tp(
            "Coverage checker",
            "web",
            "digital",
            [4.3, 6.0, null],
            "reliability",
            0.1,
            5,
            "Know in ten seconds whether full fibre reaches your door.",
          ),
          tp(
            "Social media ads",
            "social",
            "digital",
            [4.0, null, null],
            "tangibles",
            0,
            2,
            "Clear prices in every ad, no asterisks.",
          ),
          tp(
            "Store walk-in advice",
            "store",
            "human",
            [4.5, 5.8, 40],
            "assurance",
            0.15,
            3,
            "An adviser who recommends the plan you need, not the most expensive one.",
          ),
        ],
      ),
      stage(
        "Sign up",
        "The customer picks a plan and places the order.",
        [
          "Chooses a plan, passes the credit check, orders",
          "Online checkout, store sales desk",
          "Credit check, order creation, welcome pack",
          "Checkout service, CRM, credit bureau API",
        ],
        [
          tp(
            "Online checkout",
            "web",
            "digital",
            [4.4, 6.0, 35],
            "reliability",
            0.05,
            6,
            "Order in under five minutes, with the monthly price shown before you pay.",
          ),
          tp(
            "Store sales desk",
            "store",
            "human",
            [4.5, 5.8, 40],
            "empathy",
            0.1,
            3,
            "Walk out with everything booked and nothing left to chase.",
          ),
        ],
      ),
      stage(
        "Delivery & installation",
        "The router arrives and, where needed, an engineer connects the line.",
        [
          "Receives the router, books and hosts the engineer",
          "Delivery tracking emails, engineer visit",
          "Logistics, field-engineer scheduling",
          "Courier API, workforce management",
        ],
        [
          tp(
            "Router delivery",
            "email",
            "physical",
            [4.4, 6.0, null],
            "reliability",
            0,
            4,
            "Your router arrives on the day we said, tracked all the way.",
          ),
          tp(
            "Engineer home visit",
            null,
            "human",
            [4.5, 5.8, 40],
            "assurance",
            -0.1,
            3,
            "The engineer arrives in the booked slot and leaves you connected.",
          ),
        ],
      ),
      stage(
        "Activation",
        "The customer gets online for the first time.",
        [
          "Connects the router and devices, goes online",
          "Activation flow in the app, in-store device setup",
          "Line provisioning, first speed test",
          "Provisioning system, network monitoring",
        ],
        [
          tp(
            "Home broadband activation",
            "mobile_app",
            "digital",
            [4.4, 6.0, 30],
            "reliability",
            -1.3,
            5,
            "Online within 15 minutes of plugging in, guided by the app.",
          ),
          tp(
            "In-store device setup",
            "store",
            "physical",
            [4.0, 5.2, 30],
            "tangibles",
            0.9,
            3,
            "We set up your phone in store and move your data while you wait.",
          ),
          tp(
            "Welcome email",
            "email",
            "digital",
            [4.2, null, null],
            "tangibles",
            0,
            3,
            "One email with everything you need to know, in plain words.",
          ),
        ],
      ),
      stage(
        "First month",
        "The customer settles in and reads the first bill.",
        [
          "Uses the service, opens the first bill",
          "First-bill walkthrough, app tips, check-in call",
          "Usage monitoring, early-life check call list",
          "Billing engine, CRM, app analytics",
        ],
        [
          tp(
            "Early-life check call",
            "phone",
            "human",
            [4.4, 5.6, 35],
            "empathy",
            0.05,
            2,
            "A friendly call in week two to make sure everything works.",
          ),
          tp(
            "App first-use tour",
            "mobile_app",
            "digital",
            [4.1, 6.0, null],
            null,
            0,
            3,
            "Learn the app in one minute.",
          ),
        ],
      ),
    ],
  },
  {
    name: "Support",
    description: "Getting help when something goes wrong, from noticing the fault to knowing it is fixed.",
    stages: [
      stage(
        "Notice a problem",
        "The customer notices an outage or a fault.",
        [
          "Notices slow or no connection",
          "Service status page, outage alerts in the app",
          "Network operations centre",
          "Network monitoring, status page",
        ],
        [
          tp(
            "Service status page",
            "web",
            "digital",
            [4.0, 5.5, null],
            "reliability",
            0,
            4,
            "See whether there is a known problem in your area, updated every 15 minutes.",
          ),
          tp(
            "Outage alert",
            "mobile_app",
            "digital",
            [4.1, null, null],
            "responsiveness",
            -0.1,
            3,
            "We tell you about an outage before you have to ask.",
          ),
        ],
      ),
      stage(
        "Seek help",
        "The customer looks for an answer or a way to contact us.",
        [
          "Searches help, starts a chat or calls",
          "Help centre, chatbot, phone menu",
          "Knowledge base upkeep, contact routing",
          "Help centre CMS, IVR, chatbot",
        ],
        [
          tp(
            "Help centre articles",
            "web",
            "digital",
            [4.0, 5.5, null],
            "assurance",
            -0.05,
            5,
            "Answers to the top 50 questions, written for people, not engineers.",
          ),
          tp(
            "Chatbot triage",
            "chat",
            "digital",
            [3.9, 5.2, null],
            "responsiveness",
            -0.2,
            4,
            "The bot either solves it or hands you to a person, never a loop.",
          ),
          tp(
            "Phone menu (IVR)",
            "phone",
            "digital",
            [3.8, 5.0, null],
            "responsiveness",
            -0.15,
            4,
            "Three choices at most before you reach the right team.",
          ),
        ],
      ),
      stage(
        "Talk to an agent",
        "The customer explains the issue to a person.",
        [
          "Explains the issue and answers questions",
          "Live chat, phone agents, social care team",
          "Queue management, agent knowledge tools",
          "Contact centre platform, CRM",
        ],
        [
          tp(
            "Live chat support",
            "chat",
            "human",
            [4.3, 5.8, 30],
            "responsiveness",
            0.05,
            7,
            "A person answers within two minutes.",
          ),
          tp(
            "Phone support call",
            "phone",
            "human",
            [4.3, 5.6, 30],
            "assurance",
            -0.05,
            8,
            "An agent who can fix it on the first call.",
          ),
          tp(
            "Social media care",
            "social",
            "human",
            [4.1, 5.4, null],
            "empathy",
            0,
            2,
            "A reply within the hour, from a named person.",
          ),
        ],
      ),
      stage(
        "Resolution",
        "The fault is diagnosed and fixed.",
        [
          "Waits for the fix or the call back",
          "Call back, technician visit",
          "Fault diagnosis, escalation to the network team",
          "Ticketing, workforce management",
        ],
        [
          tp(
            "Phone support call back",
            "phone",
            "human",
            [4.3, 5.5, 30],
            "responsiveness",
            -1.4,
            6,
            "We call you back when we said we would, with an answer.",
          ),
          tp(
            "Technician repair visit",
            null,
            "human",
            [4.4, 5.8, 35],
            "reliability",
            0.05,
            3,
            "A technician within two working days, fixed on the first visit.",
          ),
        ],
      ),
      stage(
        "Follow-up",
        "The customer confirms it is fixed and tells us how it went.",
        [
          "Confirms the fix, answers a short survey",
          "Resolution email, satisfaction survey",
          "Ticket closure, root-cause review",
          "Ticketing, survey tool",
        ],
        [
          tp(
            "Resolution confirmation email",
            "email",
            "digital",
            [4.2, 5.8, null],
            "reliability",
            0,
            3,
            "A short email that says what we fixed and what to do if it comes back.",
          ),
          tp(
            "Store repair desk",
            "store",
            "physical",
            [4.3, 5.6, null],
            "tangibles",
            0.1,
            2,
            "Bring your device in and get it back repaired or replaced the same week.",
          ),
        ],
      ),
    ],
  },
  {
    name: "Billing",
    description: "Receiving, understanding and paying the bill, and putting it right when it is wrong.",
    stages: [
      stage(
        "Receive the bill",
        "The monthly bill arrives.",
        [
          "Opens the bill notification",
          "Bill email, bill view in the app",
          "Monthly bill run",
          "Billing engine, email service",
        ],
        [
          tp(
            "Bill notification email",
            "email",
            "digital",
            [4.2, 6.0, null],
            "tangibles",
            0,
            4,
            "Your bill on the same day every month, the total in the subject line.",
          ),
          tp(
            "App bill view",
            "mobile_app",
            "digital",
            [4.3, 6.0, null],
            "reliability",
            0.05,
            5,
            "Every charge on one screen, no PDF needed.",
          ),
        ],
      ),
      stage(
        "Understand the charges",
        "The customer checks the charges and asks about the ones that are unclear.",
        [
          "Checks charges, asks about unexpected ones",
          "Bill explainer page, billing phone line",
          "Charge calculation rules, pro-rata logic",
          "Billing engine, CRM",
        ],
        [
          tp(
            "Bill explainer page",
            "web",
            "digital",
            [4.0, 5.6, null],
            "assurance",
            -0.1,
            3,
            "Every line of your bill explained in plain words.",
          ),
          tp(
            "Billing phone line",
            "phone",
            "human",
            [4.2, 5.4, 25],
            "assurance",
            -0.1,
            5,
            "One call sorts out any question about your bill.",
          ),
        ],
      ),
      stage(
        "Pay",
        "The customer pays or sets up a direct debit.",
        [
          "Pays by card or sets up a direct debit",
          "Payment page, direct debit form, store till",
          "Payment processing, reconciliation",
          "Payment gateway, bank connection",
        ],
        [
          tp(
            "Online payment",
            "web",
            "digital",
            [4.5, 6.3, null],
            "reliability",
            0.05,
            4,
            "Pay in three taps, confirmation straight away.",
          ),
          tp(
            "Direct debit setup",
            "web",
            "digital",
            [4.4, 6.2, null],
            "reliability",
            0,
            2,
            "Set up once, never think about it again.",
          ),
          tp(
            "Pay in store",
            "store",
            "physical",
            [4.2, 5.8, null],
            "tangibles",
            0,
            1,
            "Pay at any store till, no queue for a separate desk.",
          ),
        ],
      ),
      stage(
        "Resolve a dispute",
        "A charge looks wrong and the customer wants it put right.",
        [
          "Disputes a charge, waits for the outcome",
          "Dispute form, billing agent follow-up",
          "Dispute investigation, refunds",
          "Case management, billing adjustments",
        ],
        [
          tp(
            "Bill dispute form",
            "web",
            "digital",
            [4.2, 5.6, 20],
            "responsiveness",
            -1.3,
            4,
            "A decision on any disputed charge within five working days.",
          ),
          tp(
            "Refund confirmation",
            "email",
            "digital",
            [4.3, 5.8, null],
            "reliability",
            0,
            2,
            "Refunds confirmed in writing and back on your card within three days.",
          ),
        ],
      ),
    ],
  },
  {
    name: "Upgrade & renewal",
    description: "Choosing a new device or plan, switching over, and staying with us.",
    stages: [
      stage(
        "Consider options",
        "The customer looks at new plans and devices.",
        [
          "Browses offers, compares devices",
          "Upgrade offers in the app, store device demos",
          "Eligibility rules, offer targeting",
          "Offer engine, CRM",
        ],
        [
          tp(
            "In-app upgrade offer",
            "mobile_app",
            "digital",
            [4.0, 5.8, null],
            "empathy",
            0,
            3,
            "Offers that fit how you actually use your plan.",
          ),
          tp(
            "Store device demo",
            "store",
            "physical",
            [4.5, 5.8, 45],
            "tangibles",
            0.15,
            2,
            "Try any phone in store before you commit.",
          ),
        ],
      ),
      stage(
        "Decide",
        "The customer decides to upgrade, renew or leave.",
        [
          "Asks for a better deal, decides",
          "Retention call, online upgrade checkout",
          "Retention offer approval",
          "CRM, offer engine",
        ],
        [
          tp(
            "Retention call",
            "phone",
            "human",
            [4.2, 5.4, 25],
            "empathy",
            -0.1,
            3,
            "Our best offer on the first call, no haggling.",
          ),
          tp(
            "Online upgrade checkout",
            "web",
            "digital",
            [4.4, 6.1, 35],
            "reliability",
            0.05,
            3,
            "Upgrade online in five minutes, same price as in store.",
          ),
        ],
      ),
      stage(
        "Switch over",
        "The new device or plan arrives and goes live.",
        [
          "Receives the new device, moves the number",
          "Device delivery, plan change confirmation",
          "Order fulfilment, number port",
          "Logistics, provisioning",
        ],
        [
          tp(
            "New device delivery",
            "email",
            "physical",
            [4.4, 6.0, null],
            "reliability",
            0,
            2,
            "Next-day delivery with a one-hour slot.",
          ),
          tp(
            "Plan change confirmation",
            "email",
            "digital",
            [4.3, 6.0, null],
            null,
            0,
            2,
            "Confirmation within the hour, with the new monthly price.",
          ),
        ],
      ),
      stage(
        "Stay & advocate",
        "The customer renews and recommends us.",
        [
          "Renews, collects rewards, refers friends",
          "Loyalty rewards in the app, refer-a-friend",
          "Loyalty accounting, referral payouts",
          "Loyalty platform",
        ],
        [
          tp(
            "Loyalty rewards",
            "mobile_app",
            "digital",
            [4.2, null, 40],
            "empathy",
            0.05,
            2,
            "A thank-you every year you stay.",
          ),
          tp(
            "Refer-a-friend",
            "web",
            "digital",
            [4.0, null, 45],
            null,
            0.05,
            1,
            "£50 for you and your friend, paid within a month.",
          ),
        ],
      ),
    ],
  },
];

/** The support touchpoint the CSAT survey is linked to. */
export const CSAT_SURVEY_TOUCHPOINT = "Phone support call";
