// The people of the demo. Their passwords live only here: the demo never prints them.

/** A user the demo registers. */
export interface Person {
  readonly email: string;
  readonly password: string;
  readonly fullName: string;
}

/** Registers first, creates the organization (so owns it) and walks through auth. */
export const ADA: Person = {
  email: 'ada@example.test',
  password: 'analytical-engine-1843',
  fullName: 'Ada Lovelace',
};

/** Already registered when Ada invites him: he joins at once. */
export const BOB: Person = {
  email: 'bob@example.test',
  password: 'difference-engine-1822',
  fullName: 'Bob Babbage',
};

/** Invited before she has an account: she joins when she registers. */
export const CAROL: Person = {
  email: 'carol@example.test',
  password: 'harvard-mark-one-1944',
  fullName: 'Carol Hopper',
};
