/** The signed-in user's own security: password, second factor, sessions (issue 12; being built). */
export function AccountSecurityPage() {
  return null;
}
