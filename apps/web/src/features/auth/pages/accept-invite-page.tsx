import type { Realm } from '@keel/shared';
import { useSearchParams } from 'react-router';
import { CenteredCard } from '../../../components/ui/centered-card';
import { apiErrorMessage } from '../../../lib/api-error';
import { useAcceptInvitation } from '../api/accept-invitation';
import { InvalidLinkCard } from '../components/invalid-link-card';
import { NewPasswordForm } from '../components/new-password-form';
import { SuccessMessage } from '../components/success-message';
import { parseRealm } from '../utils/realm';

const TITLE = 'Accept your invitation';

/** `/accept-invite?realm=platform|tenant&token=…`, the link of an invitation mail. */
export function AcceptInvitePage() {
  const [searchParams] = useSearchParams();
  const realm = parseRealm(searchParams.get('realm'));
  const token = searchParams.get('token');

  return (
    <>
      <title>{`${TITLE} · Keel`}</title>
      {realm && token ? <AcceptInvitation realm={realm} token={token} /> : <InvalidLinkCard title={TITLE} />}
    </>
  );
}

function AcceptInvitation({ realm, token }: { realm: Realm; token: string }) {
  const acceptInvitation = useAcceptInvitation(realm);

  if (acceptInvitation.isSuccess) {
    return (
      <CenteredCard title="Your account is ready">
        <SuccessMessage realm={realm}>Your password is set. Sign in with your e-mail address and the new password.</SuccessMessage>
      </CenteredCard>
    );
  }

  return (
    <CenteredCard
      title={TITLE}
      description={realm === 'platform' ? 'Choose a password for your Keel staff account.' : 'Choose a password for your Keel account.'}
    >
      <NewPasswordForm
        submitLabel="Set password and activate"
        submitting={acceptInvitation.isPending}
        error={acceptInvitation.isError ? apiErrorMessage(acceptInvitation.error) : undefined}
        onSubmit={(password) => acceptInvitation.mutate({ token, password })}
      />
    </CenteredCard>
  );
}
