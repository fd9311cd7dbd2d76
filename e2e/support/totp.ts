import { generateSync } from 'otplib';

const STEP_SECONDS = 30;

/**
 * An authenticator app for tests: the API accepts each time step once and one step either side of
 * now, so every code comes from a step after the last one used, waiting for the clock if needed.
 */
export class TestAuthenticator {
  private lastStep = -1;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    const step = Math.max(currentStep(), this.lastStep + 1);
    // Steps beyond now + 1 are refused: wait until that one is within the window.
    while (step > currentStep() + 1) await new Promise((resolve) => setTimeout(resolve, 1_000));
    this.lastStep = step;
    return generateSync({ secret: this.secret, epoch: step * STEP_SECONDS });
  }
}

function currentStep(): number {
  return Math.floor(Date.now() / 1000 / STEP_SECONDS);
}
