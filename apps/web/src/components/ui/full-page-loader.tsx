import { Center, Loader } from '@mantine/core';

/** Shown while something the whole page depends on (the session, a route's code) is loading. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center mih="100vh" role="status" aria-label={label}>
      <Loader aria-hidden="true" />
    </Center>
  );
}
