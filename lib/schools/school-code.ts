// A school's code: 6 letters and digits, random (nothing in it comes from the school's name), without
// the letters people confuse with digits (I, L, O). Typed codes are read the way people type them:
// any case, spaces or dashes, and O for 0, I or L for 1.
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ0123456789";
export const CODE_LENGTH = 6;

/** A new random code (33^6, about 1.3 billion; the database's unique key catches the rare repeat). */
export function newSchoolCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** The code someone typed, as stored, or null when it cannot be a code. */
export function readSchoolCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : null;
}
