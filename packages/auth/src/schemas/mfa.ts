import * as v from 'valibot';

/**
 * What an authenticator app needs to enrol a user in MFA. Returned by `setupMfa`; MFA is on
 * only after `confirmMfa` with a code from the app.
 *
 * @public
 */
export interface MfaSetup {
  /** A `data:` URL of an image of the QR code, ready for an `<img src>`. */
  readonly qrCodeUrl: string;
  /** The `otpauth://totp/…` URL the QR code encodes. */
  readonly otpauthUrl: string;
  /** The TOTP secret in base32, for typing into an app by hand. Treat it as a password. */
  readonly secret: string;
}

/**
 * The result of `confirmMfa`: MFA is on.
 *
 * @public
 */
export interface MfaConfirmation {
  /** Single-use codes that stand in for a TOTP code when the device is lost; shown once, store them safely. */
  readonly recoveryCodes: readonly string[];
}

interface WireMfaSetup {
  qr_code_url: string;
  otpauth_url: string;
  secret: string;
}

interface WireMfaConfirmation {
  recovery_codes: string[];
}

/** Validates an MFA setup from the wire and converts it to {@link MfaSetup}. */
export const MfaSetupSchema: v.GenericSchema<WireMfaSetup, MfaSetup> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({ qr_code_url: v.string(), otpauth_url: v.string(), secret: v.string() }),
    v.transform(
      (wire): MfaSetup => ({
        qrCodeUrl: wire.qr_code_url,
        otpauthUrl: wire.otpauth_url,
        secret: wire.secret,
      }),
    ),
  ))();

/** Validates an MFA confirmation from the wire and converts it to {@link MfaConfirmation}. */
export const MfaConfirmationSchema: v.GenericSchema<WireMfaConfirmation, MfaConfirmation> =
  /* @__PURE__ */ (() =>
    v.pipe(
      v.object({ recovery_codes: v.array(v.string()) }),
      v.transform((wire): MfaConfirmation => ({ recoveryCodes: wire.recovery_codes })),
    ))();
