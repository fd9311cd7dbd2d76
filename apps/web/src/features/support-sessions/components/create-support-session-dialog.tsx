import { Alert, Button, Group, Modal, Radio, Slider, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreateSupportSessionDto, SupportSessionCreatedDto } from '@keel/api-client';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { apiErrorMessage, errorStatus } from '../../../lib/api-error';
import { useSessionState } from '../../../lib/auth/session-context';
import { openSupportTab } from '../../../lib/auth/support-handoff';
import { can } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import { useCreateSupportSession } from '../api/create-support-session';
import type { SupportScope } from '../api/support-session-types';
import { SCOPE_LABELS } from '../utils/support-session-labels';

// The API's bounds (SPEC §6).
const REASON_MIN_LENGTH = 10;
const REASON_MAX_LENGTH = 500;
const TICKET_MAX_LENGTH = 128;
const DEFAULT_TTL_MINUTES = 15;
const TTL_MARKS = [1, 15, 30, 45, 60].map((value) => ({ value, label: String(value) }));

type CreateSupportSessionDialogProps = { orgId: string; orgName: string; opened: boolean; onClose: () => void };

/** Starts a support session on an org (its owner, by default) and opens the tenant console as them in a new tab. */
export function CreateSupportSessionDialog({ orgId, orgName, opened, onClose }: CreateSupportSessionDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Support session for ${orgName}`} centered size="lg">
      {/* Mounted only while open: every opening starts with an empty form and no token. */}
      {opened && <CreateSupportSessionForm orgId={orgId} orgName={orgName} onClose={onClose} />}
    </Modal>
  );
}

/** The API asks for a code when the staff member's last second factor is older than 5 minutes. */
function asksForCode(error: unknown): boolean {
  return errorStatus(error) === 403 && apiErrorMessage(error).includes('totp_code');
}

function minutes(count: number): string {
  return `${count} ${count === 1 ? 'minute' : 'minutes'}`;
}

type FormErrors = { reason?: string; code?: string };

function CreateSupportSessionForm({ orgId, orgName, onClose }: Omit<CreateSupportSessionDialogProps, 'opened'>) {
  const state = useSessionState();
  const mayWrite = state.status === 'signed-in' && can(state.user.role, 'platform');
  const create = useCreateSupportSession();
  const [reason, setReason] = useState('');
  const [ticketRef, setTicketRef] = useState('');
  const [ttlMinutes, setTtlMinutes] = useState(DEFAULT_TTL_MINUTES);
  const [scope, setScope] = useState<SupportScope>('read_only');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  // Once the API asked for a code, the field stays in front until the session is created.
  const [codeAsked, setCodeAsked] = useState(false);
  // Created, but the browser blocked the new tab: the token waits here for a click that may open it.
  const [blocked, setBlocked] = useState<SupportSessionCreatedDto | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  function validate(): FormErrors {
    const found: FormErrors = {};
    if (reason.trim().length < REASON_MIN_LENGTH) found.reason = `Say why you need access, in at least ${REASON_MIN_LENGTH} characters`;
    const digits = code.replace(/\s/g, '');
    if (digits ? !/^\d{6}$/.test(digits) : codeAsked) found.code = 'Enter the 6 digits your authenticator app shows';
    return found;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.reason || found.code) return;
    const body: CreateSupportSessionDto = { org_id: orgId, reason: reason.trim(), ttl_minutes: ttlMinutes, scopes: [scope] };
    if (ticketRef.trim()) body.ticket_ref = ticketRef.trim();
    if (code.trim()) body.totp_code = code.replace(/\s/g, '');
    create.mutate(body, {
      onSuccess: (created) => {
        notifications.show({ color: 'teal', title: 'Support session started', message: `Session ${created.id} ends at ${formatDateTime(created.expires_at)}.` });
        if (openSupportTab(created.id, created.token)) onClose();
        else setBlocked(created);
      },
      onError: (error) => {
        if (!asksForCode(error)) return;
        setCodeAsked(true);
        setCode('');
        codeInput.current?.focus();
      },
    });
  }

  if (blocked) {
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light" title="Your browser blocked the new tab" role="alert">
          <Text size="sm">
            Session {blocked.id} is active until {formatDateTime(blocked.expires_at)}. Open its tab from here: only this window holds the session&apos;s key, so
            closing this dialog first leaves the session unusable (revoke it then under Support sessions).
          </Text>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button data-autofocus onClick={() => openSupportTab(blocked.id, blocked.token) && onClose()}>
            Open support tab
          </Button>
        </Group>
      </Stack>
    );
  }

  const reasonLength = reason.trim().length;
  const askedNow = create.isError && asksForCode(create.error);
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          You will act as the owner of {orgName} in a new tab. Its owners are told by e-mail, and every request you make is logged for them to see.
        </Text>
        <Textarea
          label="Reason"
          description={`Shown to the organization's owners. ${reasonLength < REASON_MIN_LENGTH ? `At least ${REASON_MIN_LENGTH} characters: ${reasonLength} so far.` : `${reasonLength} / ${REASON_MAX_LENGTH} characters.`}`}
          placeholder="e.g. Customer reports their AWS costs stopped updating (ticket 4711)"
          required
          rows={3}
          maxLength={REASON_MAX_LENGTH}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
        />
        <TextInput label="Ticket reference" description="Optional" maxLength={TICKET_MAX_LENGTH} value={ticketRef} onChange={(event) => setTicketRef(event.currentTarget.value)} />
        <Stack gap={6} pb="md">
          <Text size="sm" fw={500}>
            Duration: {minutes(ttlMinutes)}
          </Text>
          <Slider
            min={1}
            max={60}
            step={1}
            value={ttlMinutes}
            onChange={setTtlMinutes}
            marks={TTL_MARKS}
            label={minutes}
            thumbLabel="Duration in minutes"
            thumbValueText={minutes}
          />
        </Stack>
        <Radio.Group label="Scope" value={scope} onChange={(value) => setScope(value as SupportScope)}>
          <Stack gap="xs" mt={6}>
            <Radio value="read_only" label={SCOPE_LABELS.read_only} description="Look, don't touch: the API refuses every change." />
            <Radio
              value="read_write"
              label={SCOPE_LABELS.read_write}
              disabled={!mayWrite}
              description={mayWrite ? "Act with the user's role, short of security settings, passwords and members." : 'Only super admins can open a read and write session.'}
            />
          </Stack>
        </Radio.Group>
        {codeAsked && (
          <Alert color="yellow" variant="light" title="Enter your authentication code" role="alert">
            <Text size="sm">You signed in more than 5 minutes ago: starting a support session needs a fresh second factor. Enter the current code of your authenticator app.</Text>
          </Alert>
        )}
        <TextInput
          ref={codeInput}
          label="Authentication code"
          description={codeAsked ? 'The 6-digit code your authenticator app shows for Keel' : 'Not needed within 5 minutes of signing in; after that, the 6-digit code of your authenticator app.'}
          required={codeAsked}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errors.code}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
        />
        {create.isError && !askedNow && <ErrorAlert title="The session was not created">{apiErrorMessage(create.error)}</ErrorAlert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
