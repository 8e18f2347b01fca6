// Where to get help. Every page shows these in its footer, and every guide ends with them; a search
// about a child at risk now shows them first, with Report Remove (CRISIS_HELP_ROUTES).

export type HelpRoute = {
  id: "emergency" | "ceop" | "childline" | "nspcc" | "report-remove";
  name: string;
  when: string;
  phone?: string;
  href: string;
  linkText: string;
};

export const HELP_ROUTES: readonly HelpRoute[] = [
  {
    id: "emergency",
    name: "In an emergency",
    when: "If a child is in danger right now, call the police.",
    phone: "999",
    href: "tel:999",
    linkText: "Call 999",
  },
  {
    id: "ceop",
    name: "CEOP",
    when: "Report online sexual abuse or grooming to the National Crime Agency's child protection team.",
    href: "https://www.ceop.police.uk/Safety-Centre/",
    linkText: "Report to CEOP",
  },
  {
    id: "childline",
    name: "Childline",
    when: "For children and young people: free, private and open day and night.",
    phone: "0800 1111",
    href: "tel:08001111",
    linkText: "Call 0800 1111",
  },
  {
    id: "nspcc",
    name: "NSPCC helpline",
    when: "For adults worried about a child.",
    phone: "0808 800 5000",
    href: "tel:08088005000",
    linkText: "Call 0808 800 5000",
  },
];

/** For a nude image of a young person shared online: Childline and the IWF's tool. */
export const REPORT_REMOVE: HelpRoute = {
  id: "report-remove",
  name: "Report Remove",
  when: "If a nude image of someone under 18 has been shared online, Childline and the Internet Watch Foundation can help get it taken down.",
  href: "https://www.childline.org.uk/info-advice/bullying-abuse-safety/online-mobile-safety/remove-nude-image-shared-online/",
  linkText: "Use Report Remove",
};

/** The help a search about a child at risk now shows first: 999, CEOP, Childline, Report Remove, NSPCC. */
export const CRISIS_HELP_ROUTES: readonly HelpRoute[] = [
  ...HELP_ROUTES.filter((route) => route.id !== "nspcc"),
  REPORT_REMOVE,
  ...HELP_ROUTES.filter((route) => route.id === "nspcc"),
];
