import { newIdempotencyKey } from './client'

/**
 * The Idempotency-Key of one form: the same key while the user re-sends the same body (a retry
 * after a timeout or a 503 must not act twice), a new key once the body changed (the API answers
 * 409 IDEMPOTENCY_KEY_REUSED to a known key with another body) or after a success.
 */
export class Submission {
  private key: string | null = null
  private body: string | null = null

  constructor(private readonly newKey: () => string = newIdempotencyKey) {}

  keyFor(body: unknown): string {
    const json = JSON.stringify(body)
    if (this.key === null || this.body !== json) {
      this.key = this.newKey()
      this.body = json
    }
    return this.key
  }

  /** After a success or a final refusal: the next submission is a new request. */
  done(): void {
    this.key = null
    this.body = null
  }
}
