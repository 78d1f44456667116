import type { MessagePublisher, PublishableMessage } from '@cafeia/messaging';

/**
 * A publisher that first proves this relay still holds its lock, so that a relay whose lock session
 * died (and whose place another relay may already have taken) does not publish an older stretch of
 * the log after the new one: per partition, a consumer would then see positions go backwards.
 */
export class FencedPublisher implements MessagePublisher {
  constructor(
    private readonly inner: MessagePublisher,
    private readonly lock: { assertHeld(): Promise<void> },
  ) {}

  async publish(topic: string, messages: PublishableMessage[]): Promise<void> {
    await this.lock.assertHeld();
    await this.inner.publish(topic, messages);
  }
}
