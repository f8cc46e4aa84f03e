package dev.aslunit.internal.verify;

import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Verify mode calls no endpoint unless the run names the AWS account it may call: against AWS
 * ({@code *.amazonaws.com}) the credentials' account (STS GetCallerIdentity) must be the named one;
 * against an emulator, whose accounts are made up, the account must be named all the same, and a
 * {@code roleArn} sent must be in it.
 */
final class AccountGuard {

    private AccountGuard() {
    }

    /** @throws IllegalStateException saying why the run may not call, and what to set */
    static void check(VerifySettings settings, Supplier<String> callerAccount) {
        if (settings.account() == null) {
            throw new IllegalStateException("Verify mode calls the TestState API of " + settings.endpoint()
                    + " only when the run names the AWS account it may call, and none is named: set "
                    + VerifySettings.ACCOUNT + "=123456789012 (your sandbox account; for aslunit serve or LocalStack"
                    + " any 12 digits, e.g. 000000000000), or " + VerifySettings.DRY_RUN + "=true to list the calls"
                    + " without making them.");
        }
        if (settings.roleArn() != null) {
            Matcher role = VerifySettings.ROLE.matcher(settings.roleArn());
            if (role.matches() && !role.group(1).equals(settings.account())) {
                throw new IllegalStateException("Verify mode refuses to run: " + VerifySettings.ROLE_ARN + " ("
                        + settings.roleArn() + ") is in account " + role.group(1) + ", and the run names account "
                        + settings.account() + " (" + VerifySettings.ACCOUNT + "). Name the role of the account you mean.");
            }
        }
        if (settings.isAws()) {
            String actual = callerAccount.get();
            if (!settings.account().equals(actual)) {
                throw new IllegalStateException("Verify mode refuses to call " + settings.endpoint() + ": the run's"
                        + " credentials belong to account " + actual + " (STS GetCallerIdentity), and the run names account "
                        + settings.account() + " (" + VerifySettings.ACCOUNT + "). Use the credentials of the account you"
                        + " named (AWS_PROFILE=...), or name this account if it is the one you mean to call.");
            }
        }
    }
}
