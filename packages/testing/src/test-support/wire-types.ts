// Wire shapes of docs/decisions/0002-wire-contract.md, for typing responses in tests.

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: Record<string, string>; [key: string]: unknown };
  };
}
export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}
export interface User {
  user_id: string;
  email: string;
  full_name: string;
  created_at: string;
}
export interface TokenSet {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  expires_at: string;
  user: User;
}
export interface UserContext {
  user_id: string;
  email: string;
  full_name: string;
  roles: string[];
  organization_id: string | null;
  expires_at: string;
}
export interface MfaSetup {
  secret: string;
  otpauth_url: string;
  qr_code_url: string;
}
export interface Organization {
  id: string;
  name: string;
  slug: string;
  created_at: string;
  updated_at: string;
}
export interface Member {
  user_id: string;
  email: string;
  full_name: string;
  role: string;
  joined_at: string;
}
export interface Invitation {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  status: string;
  expires_at: string;
  created_at: string;
}
export interface Application {
  id: string;
  organization_id: string;
  name: string;
  slug: string;
  created_at: string;
  updated_at: string;
}
export interface Plan {
  id: string;
  name: string;
  amount: number;
  currency: string;
  price: string;
  interval: string;
  features: string[];
  limits: { api_calls: number | null; members: number | null; applications: number | null };
}
export interface Subscription {
  id: string;
  organization_id: string;
  plan_id: string;
  plan_name: string;
  status: string;
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: boolean;
  created_at: string;
}
export interface Invoice {
  id: string;
  organization_id: string;
  subscription_id: string;
  plan_id: string;
  amount: number;
  currency: string;
  total: string;
  status: string;
  description: string;
  period_start: string;
  period_end: string;
  created_at: string;
}
export interface Metric {
  used: number;
  limit: number | null;
}
export interface Usage {
  organization_id: string;
  plan_id: string | null;
  period_start: string;
  period_end: string;
  metrics: { api_calls: Metric; members: Metric; applications: Metric };
}
