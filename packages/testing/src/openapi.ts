/**
 * A JSON Schema (2020-12, the dialect of OpenAPI 3.1).
 *
 * @public
 */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

/**
 * An OpenAPI parameter or a reference to one.
 *
 * @public
 */
export interface OpenApiParameter {
  readonly $ref?: string;
  readonly name?: string;
  readonly in?: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly description?: string;
  readonly schema?: JsonSchema;
}

/**
 * An OpenAPI response or a reference to one.
 *
 * @public
 */
export interface OpenApiResponse {
  readonly $ref?: string;
  readonly description?: string;
  readonly headers?: Readonly<Record<string, { readonly $ref: string }>>;
  readonly content?: Readonly<Record<string, { readonly schema: JsonSchema }>>;
}

/**
 * One operation (a method on a path).
 *
 * @public
 */
export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
  readonly parameters: readonly OpenApiParameter[];
  readonly requestBody?: {
    readonly required: boolean;
    readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>>;
  };
  readonly responses: Readonly<Record<string, OpenApiResponse>>;
}

/**
 * The operations of one path, by lower-case HTTP method.
 *
 * @public
 */
export type OpenApiPathItem = Readonly<
  Partial<Record<'get' | 'post' | 'patch' | 'delete', OpenApiOperation>>
>;

/**
 * The shape of {@link openApiDocument}: an OpenAPI 3.1 document.
 *
 * @public
 */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string; readonly description: string }[];
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly paths: Readonly<Record<string, OpenApiPathItem>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly parameters: Readonly<Record<string, OpenApiParameter>>;
    readonly headers: Readonly<Record<string, { readonly description: string; readonly schema: JsonSchema }>>;
    readonly responses: Readonly<Record<string, OpenApiResponse>>;
    readonly securitySchemes: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
}

// ---- schema helpers -------------------------------------------------------------------------

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const string = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  description,
  ...extra,
});
const timestamp = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const integer = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'integer',
  description,
  ...extra,
});
const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type, 'null'] });
const object = (
  properties: Record<string, JsonSchema>,
  required: readonly string[] = Object.keys(properties),
): JsonSchema => ({
  type: 'object',
  properties,
  required: [...required],
});
const listOf = (item: string): JsonSchema =>
  object({
    data: { type: 'array', items: ref(item) },
    has_more: { type: 'boolean', description: 'Whether another page follows.' },
    next_cursor: nullable(string('Pass as `?cursor=` to get the next page; `null` on the last page.')),
  });

const role = string('A role, from most to least powerful.', { enum: ['owner', 'admin', 'member'] });
const email = string('An email address.', { format: 'email', maxLength: 254 });
const slug = string('Lower-case letters and digits with single hyphens; 2–64 characters.', {
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  minLength: 2,
  maxLength: 64,
});
const displayName = string('A display name, 1–200 characters.', { minLength: 1, maxLength: 200 });
const nonEmpty = (description: string): JsonSchema => string(description, { minLength: 1 });
const metric = object({
  used: integer('Used in the current period.'),
  limit: nullable(integer('The plan limit; `null` for none.')),
});

const schemas: Record<string, JsonSchema> = {
  Error: object({
    error: object(
      {
        code: string('A stable snake_case code; switch on it.', { pattern: '^[a-z0-9_]+$' }),
        message: string('A human-readable explanation.'),
        details: {
          type: 'object',
          description: 'Code-specific data; for `invalid_request`: `{fields: {<field>: <what is wrong>}}`.',
        },
      },
      ['code', 'message'],
    ),
  }),
  User: object({
    user_id: string('The user id (`usr_…`).'),
    email,
    full_name: string('The full name.'),
    created_at: timestamp('When the account was created.'),
  }),
  TokenSet: object({
    access_token: string('An ES256 JWT; send it as `Authorization: Bearer …`.'),
    refresh_token: string('An opaque, single-use refresh token (`rt_…`).'),
    token_type: string('Always `Bearer`.', { const: 'Bearer' }),
    expires_in: integer('Seconds until the access token expires.', { minimum: 1 }),
    expires_at: timestamp('When the access token expires.'),
    user: ref('User'),
  }),
  UserContext: object({
    user_id: string('The user id.'),
    email,
    full_name: string('The full name.'),
    roles: {
      type: 'array',
      items: { type: 'string' },
      description: '`user`, plus the organization role when scoped.',
    },
    organization_id: nullable(string('The organization the token is scoped to (`org_id` claim).')),
    expires_at: timestamp('When the token expires.'),
  }),
  MfaSetup: object({
    secret: string('The TOTP secret, base32.', { pattern: '^[A-Z2-7]+$' }),
    otpauth_url: string('`otpauth://totp/PUGUH:<email>?secret=…&issuer=PUGUH`.', {
      pattern: '^otpauth://totp/',
    }),
    qr_code_url: string('A `data:image/svg+xml;base64,…` URL of the QR code of `otpauth_url`.', {
      pattern: '^data:image/svg\\+xml;base64,',
    }),
  }),
  RecoveryCodes: object({
    recovery_codes: {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'Single-use codes accepted instead of a TOTP code.',
    },
  }),
  Organization: object({
    id: string('The organization id (`org_…`).'),
    name: string('The display name.'),
    slug,
    created_at: timestamp('When it was created.'),
    updated_at: timestamp('When it was last changed.'),
  }),
  Member: object({
    user_id: string('The user id.'),
    email,
    full_name: string('The full name.'),
    role,
    joined_at: timestamp('When the user joined.'),
  }),
  Invitation: object({
    id: string('The invitation id (`inv_…`).'),
    organization_id: string('The organization.'),
    email,
    role,
    status: string('`accepted` when the email belonged to a user (who joined at once).', {
      enum: ['pending', 'accepted'],
    }),
    expires_at: timestamp('When a pending invitation lapses.'),
    created_at: timestamp('When it was created.'),
  }),
  Application: object({
    id: string('The application id (`app_…`).'),
    organization_id: string('The organization it belongs to.'),
    name: string('The display name.'),
    slug,
    created_at: timestamp('When it was created.'),
    updated_at: timestamp('When it was last changed.'),
  }),
  Plan: object({
    id: string('The plan id (`plan_…`).'),
    name: string('The display name.'),
    amount: integer('The price in minor units (cents).', { minimum: 0 }),
    currency: string('ISO 4217, upper case.', { pattern: '^[A-Z]{3}$' }),
    price: string('The display price, e.g. `$29.00`.'),
    interval: string('The billing interval.', { enum: ['month', 'year'] }),
    features: { type: 'array', items: { type: 'string' } },
    limits: object({
      api_calls: nullable(integer('API calls per period; `null` for unlimited.')),
      members: nullable(integer('Organization members; `null` for unlimited.')),
      applications: nullable(integer('Applications; `null` for unlimited.')),
    }),
  }),
  Subscription: object({
    id: string('The subscription id (`sub_…`).'),
    organization_id: string('The organization.'),
    plan_id: string('The current plan.'),
    plan_name: string('The current plan’s name.'),
    status: string('`active` until a cancelled subscription reaches its period end.', {
      enum: ['active', 'canceled', 'past_due', 'trialing'],
    }),
    current_period_start: timestamp('Start of the current period.'),
    current_period_end: timestamp('End of the current period.'),
    cancel_at_period_end: { type: 'boolean', description: 'Whether it ends at the period end.' },
    created_at: timestamp('When it was created.'),
  }),
  Invoice: object({
    id: string('The invoice id (`in_…`).'),
    organization_id: string('The organization.'),
    subscription_id: string('The subscription billed.'),
    plan_id: string('The plan billed.'),
    amount: integer('Minor units; negative for a credit.'),
    currency: string('ISO 4217, upper case.', { pattern: '^[A-Z]{3}$' }),
    total: string('The display amount, e.g. `$29.00` or `-$4.83`.'),
    status: string('The invoice status.', { enum: ['paid', 'open', 'void'] }),
    description: string('What was billed.'),
    period_start: timestamp('Start of the billed span.'),
    period_end: timestamp('End of the billed span.'),
    created_at: timestamp('When it was issued.'),
  }),
  Usage: object({
    organization_id: string('The organization.'),
    plan_id: nullable(string('The active plan; `null` without a subscription.')),
    period_start: timestamp('Start of the usage period (the subscription period, else the calendar month).'),
    period_end: timestamp('End of the usage period.'),
    metrics: object({ api_calls: metric, members: metric, applications: metric }),
  }),
  Jwks: object({
    keys: {
      type: 'array',
      items: object(
        {
          kty: string('Key type: `EC`.'),
          crv: string('Curve: `P-256`.'),
          x: string('Public x coordinate.'),
          y: string('Public y coordinate.'),
          kid: string('Key id, as in the JWT header.'),
          alg: string('`ES256`.'),
          use: string('`sig`.'),
        },
        ['kty', 'kid', 'alg'],
      ),
    },
  }),
  OrganizationList: listOf('Organization'),
  MemberList: listOf('Member'),
  ApplicationList: listOf('Application'),
  PlanList: listOf('Plan'),
  InvoiceList: listOf('Invoice'),
  RegisterRequest: object({
    email,
    password: string('8–256 characters.', { minLength: 8, maxLength: 256 }),
    full_name: displayName,
  }),
  LoginRequest: object(
    {
      email: nonEmpty('The account email.'),
      password: nonEmpty('The password.'),
      mfa_code: nonEmpty('A TOTP code or a recovery code; required once MFA is on.'),
    },
    ['email', 'password'],
  ),
  RefreshRequest: object({ refresh_token: nonEmpty('The latest refresh token.') }),
  TokenRequest: object({ token: nonEmpty('The token.') }),
  EmailRequest: object({ email }),
  MfaCodeRequest: object({ code: nonEmpty('A 6-digit TOTP code.') }),
  MfaDisableRequest: object({ code: nonEmpty('A TOTP or recovery code; when given it must be valid.') }, []),
  OrganizationCreate: object({ name: displayName, slug }),
  OrganizationUpdate: object({ name: displayName, slug }, []),
  InvitationCreate: object({ email, role }),
  RoleUpdate: object({ role }),
  ApplicationCreate: object({ name: displayName, slug }),
  ApplicationUpdate: object({ name: displayName, slug }, []),
  ApplicationMemberCreate: object({ user_id: nonEmpty('A member of the application’s organization.'), role }),
  PlanRequest: object({ plan_id: nonEmpty('A plan id, e.g. `plan_pro`.') }),
};

// ---- operations -----------------------------------------------------------------------------

type Auth = 'public' | 'user' | 'any';

interface OperationSpec {
  readonly id: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly auth: Auth;
  readonly path?: readonly string[];
  readonly body?: string;
  readonly bodyRequired?: boolean;
  readonly list?: boolean;
  readonly success: { readonly status: number; readonly schema?: JsonSchema; readonly description: string };
  /** Error statuses besides the ones every operation of its kind has. */
  readonly errors?: readonly number[];
}

const ERROR_RESPONSE: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
};

const COMMON_HEADERS = {
  'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

function operation(method: 'get' | 'post' | 'patch' | 'delete', spec: OperationSpec): OpenApiOperation {
  const writes = method === 'post' || method === 'patch';
  const parameters: OpenApiParameter[] = (spec.path ?? []).map((name) => ({
    $ref: `#/components/parameters/${name}`,
  }));
  if (spec.list === true)
    parameters.push({ $ref: '#/components/parameters/limit' }, { $ref: '#/components/parameters/cursor' });
  if (writes) parameters.push({ $ref: '#/components/parameters/Idempotency-Key' });
  parameters.push(
    { $ref: '#/components/parameters/X-Puguh-Organization-Id' },
    { $ref: '#/components/parameters/X-Puguh-Application-Id' },
  );
  const statuses = new Set(spec.errors ?? []);
  statuses.add(429);
  if (spec.auth !== 'public') statuses.add(401);
  if (spec.body !== undefined || spec.list === true) statuses.add(400);
  if (writes) statuses.add(422);
  const responses: Record<string, OpenApiResponse> = {
    [String(spec.success.status)]: {
      description: spec.success.description,
      headers: writes
        ? { ...COMMON_HEADERS, 'Idempotent-Replayed': { $ref: '#/components/headers/Idempotent-Replayed' } }
        : COMMON_HEADERS,
      ...(spec.success.schema === undefined
        ? {}
        : { content: { 'application/json': { schema: spec.success.schema } } }),
    },
  };
  for (const status of [...statuses].sort())
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSE[status]}` };
  return {
    operationId: spec.id,
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    tags: [spec.tag],
    security:
      spec.auth === 'public'
        ? []
        : spec.auth === 'user'
          ? [{ userToken: [] }]
          : [{ userToken: [] }, { serviceKey: [] }],
    parameters,
    ...(spec.body === undefined
      ? {}
      : {
          requestBody: {
            required: spec.bodyRequired ?? true,
            content: { 'application/json': { schema: ref(spec.body) } },
          },
        }),
    responses,
  };
}

const paths: Record<string, OpenApiPathItem> = {
  '/v1/auth/register': {
    post: operation('post', {
      id: 'register',
      summary: 'Create an account',
      description: 'Pending invitations for the email become memberships. Errors: 409 `email_taken`.',
      tag: 'auth',
      auth: 'public',
      body: 'RegisterRequest',
      success: { status: 201, schema: ref('User'), description: 'The new user.' },
      errors: [409],
    }),
  },
  '/v1/auth/login': {
    post: operation('post', {
      id: 'login',
      summary: 'Sign in with email and password',
      description:
        'Errors: 401 `invalid_credentials` (never says which part was wrong), `mfa_required`, `invalid_mfa_code`. ' +
        'With `X-Puguh-Organization-Id` of an organization the user belongs to, the token carries `org_id`.',
      tag: 'auth',
      auth: 'public',
      body: 'LoginRequest',
      success: { status: 200, schema: ref('TokenSet'), description: 'The tokens.' },
      errors: [401],
    }),
  },
  '/v1/auth/refresh': {
    post: operation('post', {
      id: 'refreshToken',
      summary: 'Exchange a refresh token for a new token set',
      description:
        'Refresh tokens are single use and rotate. Errors: 401 `invalid_refresh_token`; `refresh_token_reused` ' +
        '(a used token again: its whole family is revoked).',
      tag: 'auth',
      auth: 'public',
      body: 'RefreshRequest',
      success: { status: 200, schema: ref('TokenSet'), description: 'The new tokens.' },
      errors: [401],
    }),
  },
  '/v1/auth/validate': {
    post: operation('post', {
      id: 'validateToken',
      summary: 'Check an access token and describe its user',
      description: 'Errors: 401 `invalid_token`, `token_expired`.',
      tag: 'auth',
      auth: 'public',
      body: 'TokenRequest',
      success: { status: 200, schema: ref('UserContext'), description: 'Who the token belongs to.' },
      errors: [401],
    }),
  },
  '/v1/auth/magic-link': {
    post: operation('post', {
      id: 'requestMagicLink',
      summary: 'Email a single-use sign-in link',
      description: 'Answers 204 for unknown emails too, so registered emails are not revealed.',
      tag: 'auth',
      auth: 'public',
      body: 'EmailRequest',
      success: { status: 204, description: 'Sent, if the email is registered.' },
    }),
  },
  '/v1/auth/magic-link/verify': {
    post: operation('post', {
      id: 'verifyMagicLink',
      summary: 'Sign in with a magic-link token',
      description: 'Errors: 401 `invalid_magic_link` (unknown, used or expired).',
      tag: 'auth',
      auth: 'public',
      body: 'TokenRequest',
      success: { status: 200, schema: ref('TokenSet'), description: 'The tokens.' },
      errors: [401],
    }),
  },
  '/v1/auth/mfa/setup': {
    post: operation('post', {
      id: 'setupMfa',
      summary: 'Start enabling TOTP MFA',
      description: 'Errors: 403 `user_token_required`; 409 `mfa_already_enabled`.',
      tag: 'mfa',
      auth: 'user',
      success: { status: 200, schema: ref('MfaSetup'), description: 'The secret and its QR code.' },
      errors: [403, 409],
    }),
  },
  '/v1/auth/mfa/confirm': {
    post: operation('post', {
      id: 'confirmMfa',
      summary: 'Finish enabling MFA with a valid code',
      description: 'Errors: 409 `mfa_not_set_up`, `mfa_already_enabled`; 422 `invalid_mfa_code`.',
      tag: 'mfa',
      auth: 'user',
      body: 'MfaCodeRequest',
      success: { status: 200, schema: ref('RecoveryCodes'), description: 'Recovery codes, shown once.' },
      errors: [403, 409],
    }),
  },
  '/v1/auth/mfa/disable': {
    post: operation('post', {
      id: 'disableMfa',
      summary: 'Turn MFA off',
      description: 'Errors: 409 `mfa_not_set_up`; 422 `invalid_mfa_code` when a given code is wrong.',
      tag: 'mfa',
      auth: 'user',
      body: 'MfaDisableRequest',
      bodyRequired: false,
      success: { status: 204, description: 'MFA is off.' },
      errors: [403, 409],
    }),
  },
  '/v1/organizations': {
    get: operation('get', {
      id: 'listOrganizations',
      summary: 'List organizations',
      description: 'A user sees their own; the service key sees all.',
      tag: 'organizations',
      auth: 'any',
      list: true,
      success: { status: 200, schema: ref('OrganizationList'), description: 'One page.' },
    }),
    post: operation('post', {
      id: 'createOrganization',
      summary: 'Create an organization',
      description: 'A user caller becomes its `owner`. Errors: 409 `slug_taken`.',
      tag: 'organizations',
      auth: 'any',
      body: 'OrganizationCreate',
      success: { status: 201, schema: ref('Organization'), description: 'The new organization.' },
      errors: [409],
    }),
  },
  '/v1/organizations/{org_id}': {
    get: operation('get', {
      id: 'getOrganization',
      summary: 'Get an organization (member)',
      tag: 'organizations',
      auth: 'any',
      path: ['org_id'],
      success: { status: 200, schema: ref('Organization'), description: 'The organization.' },
      errors: [404],
    }),
    patch: operation('patch', {
      id: 'updateOrganization',
      summary: 'Rename or re-slug an organization (admin+)',
      tag: 'organizations',
      auth: 'any',
      path: ['org_id'],
      body: 'OrganizationUpdate',
      success: { status: 200, schema: ref('Organization'), description: 'The updated organization.' },
      errors: [403, 404, 409],
    }),
    delete: operation('delete', {
      id: 'deleteOrganization',
      summary: 'Delete an organization and everything in it (owner)',
      tag: 'organizations',
      auth: 'any',
      path: ['org_id'],
      success: { status: 204, description: 'Deleted.' },
      errors: [403, 404],
    }),
  },
  '/v1/organizations/{org_id}/members': {
    get: operation('get', {
      id: 'listOrganizationMembers',
      summary: 'List members (member)',
      tag: 'members',
      auth: 'any',
      path: ['org_id'],
      list: true,
      success: { status: 200, schema: ref('MemberList'), description: 'One page.' },
      errors: [404],
    }),
  },
  '/v1/organizations/{org_id}/invitations': {
    post: operation('post', {
      id: 'inviteOrganizationMember',
      summary: 'Invite by email (admin+)',
      description:
        'A registered user joins at once (`accepted`); otherwise the invitation is `pending` and is emailed. ' +
        'Nobody grants a role above their own (403). Errors: 409 `already_member`.',
      tag: 'members',
      auth: 'any',
      path: ['org_id'],
      body: 'InvitationCreate',
      success: { status: 201, schema: ref('Invitation'), description: 'The invitation.' },
      errors: [403, 404, 409],
    }),
  },
  '/v1/organizations/{org_id}/members/{user_id}': {
    patch: operation('patch', {
      id: 'updateOrganizationMemberRole',
      summary: 'Change a member’s role (admin+)',
      description: 'Errors: 404 `member_not_found`; 409 `last_owner`.',
      tag: 'members',
      auth: 'any',
      path: ['org_id', 'user_id'],
      body: 'RoleUpdate',
      success: { status: 200, schema: ref('Member'), description: 'The member.' },
      errors: [403, 404, 409],
    }),
    delete: operation('delete', {
      id: 'removeOrganizationMember',
      summary: 'Remove a member (admin+)',
      description:
        'Also removes them from the organization’s applications. Errors: 404 `member_not_found`; 409 `last_owner`.',
      tag: 'members',
      auth: 'any',
      path: ['org_id', 'user_id'],
      success: { status: 204, description: 'Removed.' },
      errors: [403, 404, 409],
    }),
  },
  '/v1/organizations/{org_id}/applications': {
    get: operation('get', {
      id: 'listApplications',
      summary: 'List applications (member)',
      tag: 'applications',
      auth: 'any',
      path: ['org_id'],
      list: true,
      success: { status: 200, schema: ref('ApplicationList'), description: 'One page.' },
      errors: [404],
    }),
    post: operation('post', {
      id: 'createApplication',
      summary: 'Create an application (admin+)',
      description: 'Slugs are unique per organization. Errors: 409 `slug_taken`.',
      tag: 'applications',
      auth: 'any',
      path: ['org_id'],
      body: 'ApplicationCreate',
      success: { status: 201, schema: ref('Application'), description: 'The new application.' },
      errors: [403, 404, 409],
    }),
  },
  '/v1/applications/{app_id}': {
    get: operation('get', {
      id: 'getApplication',
      summary: 'Get an application (organization member)',
      tag: 'applications',
      auth: 'any',
      path: ['app_id'],
      success: { status: 200, schema: ref('Application'), description: 'The application.' },
      errors: [404],
    }),
    patch: operation('patch', {
      id: 'updateApplication',
      summary: 'Update an application (organization admin+)',
      tag: 'applications',
      auth: 'any',
      path: ['app_id'],
      body: 'ApplicationUpdate',
      success: { status: 200, schema: ref('Application'), description: 'The updated application.' },
      errors: [403, 404, 409],
    }),
    delete: operation('delete', {
      id: 'deleteApplication',
      summary: 'Delete an application (organization admin+)',
      tag: 'applications',
      auth: 'any',
      path: ['app_id'],
      success: { status: 204, description: 'Deleted.' },
      errors: [403, 404],
    }),
  },
  '/v1/applications/{app_id}/members': {
    get: operation('get', {
      id: 'listApplicationMembers',
      summary: 'List application members (organization member)',
      tag: 'applications',
      auth: 'any',
      path: ['app_id'],
      list: true,
      success: { status: 200, schema: ref('MemberList'), description: 'One page.' },
      errors: [404],
    }),
    post: operation('post', {
      id: 'addApplicationMember',
      summary: 'Add an organization member to an application (organization admin+)',
      description: 'Errors: 422 `not_organization_member`; 409 `already_member`.',
      tag: 'applications',
      auth: 'any',
      path: ['app_id'],
      body: 'ApplicationMemberCreate',
      success: { status: 201, schema: ref('Member'), description: 'The application member.' },
      errors: [403, 404, 409],
    }),
  },
  '/v1/billing/plans': {
    get: operation('get', {
      id: 'getPlans',
      summary: 'List the plans (public)',
      tag: 'billing',
      auth: 'public',
      list: true,
      success: { status: 200, schema: ref('PlanList'), description: 'Every plan, in one page.' },
    }),
  },
  '/v1/billing/plans/{plan_id}': {
    get: operation('get', {
      id: 'getPlan',
      summary: 'Get a plan (public)',
      tag: 'billing',
      auth: 'public',
      path: ['plan_id'],
      success: { status: 200, schema: ref('Plan'), description: 'The plan.' },
      errors: [404],
    }),
  },
  '/v1/organizations/{org_id}/subscription': {
    get: operation('get', {
      id: 'getSubscription',
      summary: 'Get the subscription (member)',
      tag: 'billing',
      auth: 'any',
      path: ['org_id'],
      success: {
        status: 200,
        schema: { oneOf: [ref('Subscription'), { type: 'null' }] },
        description: 'The subscription, or `null` when the organization never subscribed.',
      },
      errors: [404],
    }),
    post: operation('post', {
      id: 'createSubscription',
      summary: 'Subscribe to a plan (admin+)',
      description:
        'Starts a 30-day period and issues a paid invoice. Errors: 404 `plan_not_found`; 409 `subscription_exists`.',
      tag: 'billing',
      auth: 'any',
      path: ['org_id'],
      body: 'PlanRequest',
      success: { status: 201, schema: ref('Subscription'), description: 'The subscription.' },
      errors: [403, 404, 409],
    }),
  },
  '/v1/organizations/{org_id}/subscription/upgrade': {
    post: operation('post', {
      id: 'upgradeSubscription',
      summary: 'Change the plan (admin+)',
      description:
        'Issues a prorated invoice: unused fraction of the period × price difference, rounded to minor units ' +
        '(negative for a cheaper plan). Errors: 404 `plan_not_found`, `subscription_not_found`; 409 `same_plan`.',
      tag: 'billing',
      auth: 'any',
      path: ['org_id'],
      body: 'PlanRequest',
      success: { status: 200, schema: ref('Subscription'), description: 'The subscription.' },
      errors: [403, 404, 409],
    }),
  },
  '/v1/organizations/{org_id}/subscription/cancel': {
    post: operation('post', {
      id: 'cancelSubscription',
      summary: 'Cancel at the end of the period (admin+)',
      description:
        'Sets `cancel_at_period_end`; the status stays `active` until then. Errors: 404 `subscription_not_found`.',
      tag: 'billing',
      auth: 'any',
      path: ['org_id'],
      success: { status: 200, schema: ref('Subscription'), description: 'The subscription.' },
      errors: [403, 404],
    }),
  },
  '/v1/organizations/{org_id}/invoices': {
    get: operation('get', {
      id: 'getInvoices',
      summary: 'List invoices, newest first (member)',
      tag: 'billing',
      auth: 'any',
      path: ['org_id'],
      list: true,
      success: { status: 200, schema: ref('InvoiceList'), description: 'One page.' },
      errors: [404],
    }),
  },
  '/v1/organizations/{org_id}/usage': {
    get: operation('get', {
      id: 'getUsage',
      summary: 'Usage against the plan limits (member)',
      description:
        'API calls count every authenticated request to the organization’s paths (its applications included).',
      tag: 'billing',
      auth: 'any',
      path: ['org_id'],
      success: { status: 200, schema: ref('Usage'), description: 'The usage.' },
      errors: [404],
    }),
  },
  '/.well-known/jwks.json': {
    get: operation('get', {
      id: 'getJwks',
      summary: 'The public keys that sign access tokens',
      description: 'Rotated keys stay listed, so older tokens verify until they expire.',
      tag: 'discovery',
      auth: 'public',
      success: { status: 200, schema: ref('Jwks'), description: 'The JWK set.' },
    }),
  },
  '/openapi.json': {
    get: operation('get', {
      id: 'getOpenApiDocument',
      summary: 'This document',
      tag: 'discovery',
      auth: 'public',
      success: {
        status: 200,
        schema: object({
          openapi: string('`3.1.0`.'),
          paths: { type: 'object' },
          components: { type: 'object' },
        }),
        description: 'OpenAPI 3.1.',
      },
    }),
  },
};

const errorResponse = (
  description: string,
  headers: Record<string, { readonly $ref: string }> = COMMON_HEADERS,
): OpenApiResponse => ({
  description,
  headers,
  content: { 'application/json': { schema: ref('Error') } },
});

const pathParameter = (name: string, description: string): OpenApiParameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
});

const headerParameter = (name: string, description: string): OpenApiParameter => ({
  name,
  in: 'header',
  required: false,
  description,
  schema: { type: 'string' },
});

/**
 * The wire contract of the PUGUH API as an OpenAPI 3.1 document: every route, body, response,
 * header and error. The local API serves it at `/openapi.json` and a contract test keeps the two
 * in step; docs/decisions/0002-wire-contract.md summarises it.
 *
 * @example
 * ```ts
 * import { openApiDocument } from '@puguh/testing';
 *
 * Object.keys(openApiDocument.paths); // ['/v1/auth/register', …]
 * ```
 *
 * @public
 */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'PUGUH API',
    version: '1.0.0',
    description:
      'Authentication, organizations, applications and billing. JSON bodies in snake_case, ISO 8601 UTC timestamps, ' +
      'errors as `{"error": {"code", "message", "details"?}}`. Every response carries `X-Request-Id` and `RateLimit-*`.',
  },
  servers: [
    { url: 'https://api-puguh.arsaka.io', description: 'PUGUH' },
    { url: 'http://127.0.0.1:4010', description: 'The local API (`puguh-local`)' },
  ],
  tags: [
    { name: 'auth', description: 'Accounts, tokens and magic links.' },
    { name: 'mfa', description: 'TOTP multi-factor authentication.' },
    { name: 'organizations', description: 'Organizations (tenants).' },
    { name: 'members', description: 'Organization members and invitations.' },
    { name: 'applications', description: 'Applications inside organizations.' },
    { name: 'billing', description: 'Plans, subscriptions, invoices and usage.' },
    { name: 'discovery', description: 'JWKS and this document.' },
  ],
  paths,
  components: {
    schemas,
    parameters: {
      org_id: pathParameter('org_id', 'The organization id.'),
      app_id: pathParameter('app_id', 'The application id.'),
      user_id: pathParameter('user_id', 'The user id.'),
      plan_id: pathParameter('plan_id', 'The plan id.'),
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size, 1–100 (default 20).',
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        description: 'The `next_cursor` of the previous page (opaque). A bad one is 400 `invalid_cursor`.',
        schema: { type: 'string' },
      },
      'Idempotency-Key': {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Replays the first response for the same caller and key (with `Idempotent-Replayed: true`); the same key ' +
          'with another method, path or body is 422 `idempotency_key_reused`.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
      'X-Puguh-Organization-Id': headerParameter(
        'X-Puguh-Organization-Id',
        'Organization context. Ids in paths win; on login/refresh/magic-link verification it scopes the token (`org_id`).',
      ),
      'X-Puguh-Application-Id': headerParameter('X-Puguh-Application-Id', 'Application context.'),
    },
    headers: {
      'X-Request-Id': { description: 'The id of this request (`req_…`).', schema: { type: 'string' } },
      'RateLimit-Limit': {
        description: 'Requests allowed per window for this credential.',
        schema: { type: 'integer' },
      },
      'RateLimit-Remaining': { description: 'Requests left in the window.', schema: { type: 'integer' } },
      'RateLimit-Reset': { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
      'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
      'Idempotent-Replayed': {
        description: '`true` when this is a stored response replayed.',
        schema: { type: 'string' },
      },
    },
    responses: {
      BadRequest: errorResponse(
        '`invalid_request` (with `details.fields`), `invalid_json` or `invalid_cursor`.',
      ),
      Unauthorized: errorResponse(
        '`unauthorized`, `invalid_token`, `token_expired`, `invalid_credentials`, `mfa_required`, `invalid_mfa_code`, ' +
          '`invalid_refresh_token`, `refresh_token_reused` or `invalid_magic_link`.',
      ),
      Forbidden: errorResponse('`forbidden` (role too low) or `user_token_required`.'),
      NotFound: errorResponse(
        '`organization_not_found`, `application_not_found`, `plan_not_found`, `member_not_found` or `subscription_not_found` ' +
          '(non-members get these too: nothing is revealed); `not_found` for an unknown route.',
      ),
      Conflict: errorResponse(
        '`email_taken`, `slug_taken`, `already_member`, `last_owner`, `subscription_exists`, `mfa_already_enabled`, ' +
          '`mfa_not_set_up` or `same_plan`.',
      ),
      UnprocessableEntity: errorResponse(
        '`idempotency_key_reused`, `not_organization_member` or `invalid_mfa_code`.',
      ),
      TooManyRequests: errorResponse('`rate_limited`.', {
        ...COMMON_HEADERS,
        'Retry-After': { $ref: '#/components/headers/Retry-After' },
      }),
    },
    securitySchemes: {
      userToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A user access token.' },
      serviceKey: {
        type: 'http',
        scheme: 'bearer',
        description: 'A service API key (`pk_live_…` / `pk_test_…`).',
      },
    },
  },
};
