import { Injectable } from '@nestjs/common';

/**
 * Set on SIGTERM: readiness turns 503 so a load balancer stops sending work, and every answer asks the
 * client to close its connection, so no keep-alive connection is idle (and reset) when the listener closes.
 */
@Injectable()
export class ShutdownState {
  private drainingSince: number | null = null;

  begin(): void {
    this.drainingSince ??= Date.now();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }
}
