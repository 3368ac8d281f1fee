// Resend's documented example payloads (providers.md 3.5, https://resend.com/docs/webhooks/emails/<name>),
// one per email event type, kept verbatim as raw bodies.

export const RESEND_EXAMPLES = {
  "email.sent":
    `{"type":"email.sent","created_at":"2026-02-22T23:41:12.126Z","data":{"broadcast_id":"8b146471-e88e-4322-86af-016cd36fd216","created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["delivered@resend.dev"],"subject":"Sending this example","template_id":"43f68331-0622-4e15-8202-246a0388854b","tags":{"category":"confirm_email"}}}`,
  "email.scheduled":
    `{"type":"email.scheduled","created_at":"2026-02-22T23:41:12.126Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["delivered@resend.dev"],"subject":"Sending this example","tags":{"category":"confirm_email"}}}`,
  "email.delivered":
    `{"type":"email.delivered","created_at":"2026-02-22T23:41:14.004Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["delivered@resend.dev"],"subject":"Sending this example","tags":{"category":"confirm_email"}}}`,
  "email.delivery_delayed":
    `{"type":"email.delivery_delayed","created_at":"2026-02-22T23:51:12.126Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["full-inbox@example.com"],"subject":"Sending this example","tags":{"category":"confirm_email"}}}`,
  "email.complained":
    `{"type":"email.complained","created_at":"2026-02-23T08:02:40.310Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["complained@resend.dev"],"subject":"Sending this example","tags":{"category":"confirm_email"}}}`,
  "email.bounced":
    `{"type":"email.bounced","created_at":"2026-02-22T23:41:13.126Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["bounced@resend.dev"],"subject":"Sending this example","bounce":{"message":"The recipient's email address is on the suppression list because it has a recent history of producing hard bounces.","subType":"Suppressed","type":"Permanent"},"tags":{"category":"confirm_email"}}}`,
  "email.opened":
    `{"type":"email.opened","created_at":"2026-02-23T07:15:02.551Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["delivered@resend.dev"],"subject":"Sending this example","tags":{"category":"confirm_email"}}}`,
  "email.clicked":
    `{"type":"email.clicked","created_at":"2026-02-23T07:15:40.002Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["delivered@resend.dev"],"click":{"ipAddress":"122.115.53.11","link":"https://resend.com","timestamp":"2026-02-23T07:15:39.163Z","userAgent":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.1 Safari/605.1.15"},"subject":"Sending this example","tags":{"category":"confirm_email"}}}`,
  "email.failed":
    `{"type":"email.failed","created_at":"2026-02-22T23:41:12.126Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["delivered@resend.dev"],"subject":"Sending this example","failed":{"reason":"reached_daily_quota"},"tags":{"category":"confirm_email"}}}`,
  "email.suppressed":
    `{"type":"email.suppressed","created_at":"2026-02-22T23:41:12.126Z","data":{"created_at":"2026-02-22T23:41:11.894Z","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","message_id":"<111-222-333@email.example.com>","from":"Acme <onboarding@resend.dev>","to":["delivered@resend.dev"],"subject":"Sending this example","suppressed":{"message":"Resend has suppressed sending to this address because it is on the account-level suppression list. This does not count toward your bounce rate metric","type":"OnAccountSuppressionList"},"tags":{"category":"confirm_email"}}}`,
  "email.received":
    `{"type":"email.received","created_at":"2026-02-22T23:41:12.126Z","data":{"email_id":"56761188-7520-42d8-8898-ff6fc54ce618","created_at":"2026-02-22T23:41:11.894Z","from":"onboarding@resend.dev","to":["delivered@resend.dev"],"bcc":[],"cc":[],"received_for":["forwarded@example.com"],"message_id":"<111-222-333@email.example.com>","subject":"Sending this example","attachments":[{"id":"2a0c9ce0-3112-4728-976e-47ddcd16a318","filename":"avatar.png","content_type":"image/png","content_disposition":"inline","content_id":"img001"}]}}`,
} as const;
