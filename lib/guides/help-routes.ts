// Where to get help. Every page shows these in its footer, and every guide ends with them.

export type HelpRoute = {
  id: "emergency" | "ceop" | "childline" | "nspcc";
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
