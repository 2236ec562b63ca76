// Generated from the server's /openapi.json by web/console/client-types.ts (npm run console:types); do not edit.

export interface paths {
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and the CSRF token of the session */
        get: operations["getSession"];
        put?: never;
        /** Sign a staff member in: sets the session cookie and answers the CSRF token. Five wrong passwords in a row lock the account for 15 minutes */
        post: operations["signIn"];
        /** Sign out: the session ends and its cookie is cleared */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the signed-in staff member's password (the current one is needed); their other sessions end */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/program": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme and the settings version in force (earning, redemption, expiry, tiers...) */
        get: operations["getProgramme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/program/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change settings: the fields given replace the current ones and a new version is recorded */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/v1/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme’s stores */
        get: operations["listStores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stores/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One store */
        get: operations["getStore"];
        /** Register or change a store (code, name, city, channel, the partner that owns it); recorded in the audit trail with the key */
        put: operations["putStore"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coalition's partners and the stores each owns */
        get: operations["listPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partners/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Register or rename a partner of the coalition; its stores name it, and its partner keys sell only at them */
        put: operations["putPartner"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a job now for this programme (activation, expiry, expiry-notice, tier-review, birthdays, referrals, idempotency, event-retention, day-sums, daily-totals, segments, segment-refresh); safe to run twice or concurrently */
        post: operations["runJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schedule: when each job last ran (how long, how it went) and when it runs next; daily jobs are the programme's own */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a member by exactly one of phone, email, externalId or cardNumber (partner keys: by card only, and see no personal data) */
        get: operations["findMembers"];
        put?: never;
        /** Register a member with a virtual card, or with the physical card number given (a partner key only if the settings let partners enrol) */
        post: operations["enrolMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members with a word of the name beginning with each word of the text (case and ё aside), in order of the matched word, a page at a time */
        get: operations["searchMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member with their cards (without personal data for a readonly key without the pii grant) */
        get: operations["getMember"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member’s profile, contacts or consents; what changed is recorded in the audit trail with the key */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/v1/members/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member’s consents to marketing by channel, and every grant and withdrawal with its evidence, oldest first
         * @description Each change of `consents` (at enrolment, by `PATCH /v1/members/{id}`, at erasure) is kept with when, where (`via`, `storeCode`), the wording version shown, the member’s IP address as the caller gave it, and the key that recorded it: the proof of prior consent an advertiser must be able to show (38-FZ art. 18). Erasure withdraws every consent and clears the IP addresses; the records stay.
         */
        get: operations["getConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a member’s personal data at their request: profile, contacts and consents go, cards are blocked; points, receipts and the ledger stay without a name
         * @description After it, the member answers `410 member_erased` to receipts, actions, adjustments, profile changes and new cards; returns of their earlier receipts still work. The audit trail keeps which fields changed and when, without the values.
         */
        post: operations["eraseMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Available, pending and soon-expiring points */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lots the member still holds (pending or active), soonest to expire first, with how each was earned */
        get: operations["listLots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Points history, newest first; pass `next` from a page as `cursor` for the following one */
        get: operations["getHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Credit or debit points by hand, with a mandatory reason; the key is recorded as the actor */
        post: operations["adjustPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/tier-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tier upgrades and downgrades, newest first */
        get: operations["getTierHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue another card: virtual, or a physical number */
        post: operations["issueCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A card and its status */
        get: operations["getCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{number}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block a lost card, optionally replacing it; the balance stays with the member */
        post: operations["blockCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/calculate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Price a receipt without writing anything: points to earn, the most points payable, the discount */
        post: operations["calculateReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Receipts by store, number, member and period, newest first, a page at a time (a key that may not see others’ receipts finds its own) */
        get: operations["findReceipts"];
        put?: never;
        /** Confirm a sale: store the receipt, spend and earn points (idempotent by store+number and Idempotency-Key) */
        post: operations["confirmReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm up to 1,000 receipts with 20,000 lines in all (offline tills, history import); each is priced, idempotent and answered on its own */
        post: operations["confirmReceipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A receipt with its lines, what has been returned and the key that made it (a partner key reads only its own) */
        get: operations["getReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return some lines or quantities; earned and spent points are reversed in proportion (a partner key: only of its own receipts) */
        post: operations["returnLines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void a whole receipt (whatever is not yet returned; a partner key: only its own receipts) */
        post: operations["cancelReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published rule set: campaigns, custom action types, referral rewards */
        get: operations["getRules"];
        /** Publish a whole rule set as a new version (checked first; invalid rules name the field) */
        put: operations["putRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published versions, newest first: who and when */
        get: operations["listRuleVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published version: who and when, and its rules (to compare, or to publish again as a roll-back with PUT /v1/rules) */
        get: operations["getRuleVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every condition and effect: code, Russian and English title, JSON Schema of the arguments */
        get: operations["getRuleCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns of the published rule set, with what is left of their budgets and what each has given */
        get: operations["listCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign */
        get: operations["getCampaign"];
        /** Add or replace one campaign; publishes a new rule set version */
        put: operations["putCampaign"];
        post?: never;
        /** Remove a campaign; publishes a new rule set version (receipts it priced keep their version) */
        delete: operations["deleteCampaign"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Product categories that rules may name */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Register or rename a product category */
        put: operations["putCategory"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Price one receipt under a draft rule set (or the published one): which campaigns applied, which not and why */
        post: operations["simulateRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay stored receipts of a period under a draft rule set and compare with the published one, per campaign */
        post: operations["backtestRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed rules, campaigns, coupons, categories, settings, stores, keys, members and cards, when, and what (before/after); newest first. Records of members and cards only for keys that see personal data */
        get: operations["readAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A member did something worth points (a review, a survey, a sport goal...): priced by the campaigns, idempotent by id */
        post: operations["recordAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The former path of POST /v1/actions; it works as that does
         * @deprecated
         */
        post: operations["recordActionAtFormerPath"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/referral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member's referral code (made on first request) to share with friends */
        get: operations["getReferralCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom the member referred, with the status of each reward, five levels deep */
        get: operations["listReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's events after a feed position, oldest first: receipts, points, members, cards, tiers, campaigns, actions */
        get: operations["readEventFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's webhook subscriptions (never their secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a URL to the events from now on, signed per Standard Webhooks; the secret is in this answer only */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the subscription and its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change the URL or the event types, or disable and enable the subscription again */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first: attempts, the last status, latency and an excerpt of the answer */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again the events of a range of feed positions (one event: from = to) */
        post: operations["replayEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Batches generated by hand, newest first: their terms, who made them, and how many coupons were used */
        get: operations["listCouponBatches"];
        put?: never;
        /** Generate a batch of coupons for a campaign: random codes from a pattern, or one fixed promo code */
        post: operations["createCouponBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coupons by batch, campaign or member, ordered by code; pass `next` as `after` for the next page */
        get: operations["listCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every coupon of a batch as CSV, to print or hand to a partner */
        get: operations["exportCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One coupon: its campaign, limits, validity and how often it was used */
        get: operations["getCoupon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's API keys, oldest first: name, role, grants, when created and revoked (never the secret) */
        get: operations["listKeys"];
        put?: never;
        /** Issue a key of this programme; the secret is in this answer only and stored hashed */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: refused at once by this server, within 10 seconds by others. The key in use may revoke itself; the programme's last admin key may not */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's staff accounts, oldest first (never a password) */
        get: operations["listStaff"];
        put?: never;
        /** Create a staff account of this programme; its one-time password is in this answer only */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme over a period (default the last 30 days, at most 400): members, receipts, revenue with members' share, points earned, spent, expired and owed, campaigns with their budgets; with a daily series */
        get: operations["getOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/ltv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lifetime value of a cohort: members whose first purchase fell in [from, to), their histories until a day, BG/NBD and Gamma-Gamma fitted by maximum likelihood, and the forecast over the next weeks
         * @description Days in the programme's time zone; time in weeks. Purchases are counted by day (a member's receipts of one day are one purchase, their totals its spend); the first purchase starts the member's clock and is not a repeat. Confirmed receipts at their totals, returns aside. A cohort needs 20 members and 5 repeat buyers (else 422 cohort_too_small). One fit per programme at a time (else 429 busy).
         */
        get: operations["getLifetimeValue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/rfm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * RFM: the members who have bought, scored 1–5 on recency, frequency and money by quintiles, as a grid of recency × frequency cells with their named segments
         * @description A member's score on a measure is 1 + ⌊5·b/n⌋, b the members strictly worse on it, n all scored: equal values score alike. Recency by the day of the last purchase (programme time zone), frequency by confirmed receipts, money by what was paid, both net of returns. The quintile cuts are taken once a day by the daily-totals job (worked out on each call before its first run); a score is the member's values read against them. Segments by recency and frequency: champions (Чемпионы), loyal (Лояльные), potential_loyalists (Потенциально лояльные), new (Новички), promising (Перспективные), need_attention (Требуют внимания), about_to_sleep (Засыпающие), at_risk (Под угрозой ухода), cannot_lose (Нельзя потерять), hibernating (Спящие), lost (Потерянные).
         */
        get: operations["getRfmGrid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/nps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Net promoter score from survey actions over a period (default the last 90 days): in all, by day, week or month, by store, and against the period before
         * @description A `survey` action counts when its attributes carry `score`, a whole number 0–10, and optionally `storeCode`. NPS = (promoters 9–10 − detractors 0–6) / responses × 100. Periods in the programme's time zone; at most 10 years and 1000 points in the series.
         */
        get: operations["getNps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Points over a period (default the last 90 days): issued, redeemed, expired, adjusted and for referrals, by day, week or month; breakage and redemption rates; the liability now in points and roubles; what expires in the next months
         * @description From the programme's side of the ledger, net of returns. Periods in the programme's time zone; at most 10 years and 1000 points in the series.
         */
        get: operations["getPointsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Segments, by code, with their size at the last refresh */
        get: operations["listSegments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fields a segment rule may name, with their type, operators, window and fixed values: what the builder offers */
        get: operations["listSegmentFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many members a rule holds now, without saving it: the builder’s live count */
        post: operations["previewSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One segment with its size history (the last 100 refreshes that moved it) */
        get: operations["getSegment"];
        /**
         * Create or change a segment; a dynamic one is evaluated at once and kept current after
         * @description `{ name, description?, kind: "dynamic" | "static", rule? }`. A rule nests `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` around conditions `{ field, op, value?, days? | from?, to? }`. Fields: `gender` (text: eq/ne/in/not_in/is_set/not_set), `city` (text: eq/ne/in/not_in/is_set/not_set), `age` (number: eq/ne/gt/gte/lt/lte/between), `birthday_month` (number: eq/ne/gt/gte/lt/lte/between), `tier` (text: eq/ne/in/not_in/is_set/not_set), `source` (text: eq/ne/in/not_in/is_set/not_set), `channel` (text: eq/ne/in/not_in/is_set/not_set), `registered` (date: gt/gte/lt/lte/between), `consent.email` (boolean: eq), `consent.sms` (boolean: eq), `consent.push` (boolean: eq), `purchases` (number, over days or dates if given: eq/ne/gt/gte/lt/lte/between), `paid` (number, over days or dates if given: eq/ne/gt/gte/lt/lte/between), `average_check` (number: eq/ne/gt/gte/lt/lte/between), `days_since_purchase` (number: eq/ne/gt/gte/lt/lte/between), `points_balance` (number: eq/ne/gt/gte/lt/lte/between), `points_expiring` (number, with days: eq/ne/gt/gte/lt/lte/between), `bought_category` (list, over days or dates if given: in/not_in), `bought_sku` (list, over days or dates if given: in/not_in), `bought_brand` (list, over days or dates if given: in/not_in), `used_coupon` (boolean, over days or dates if given: eq), `campaign` (list, over days or dates if given: in/not_in), `action` (list, over days or dates if given: in/not_in), `rfm_segment` (list: in/not_in), `rfm_recency` (number: eq/ne/gt/gte/lt/lte/between), `rfm_frequency` (number: eq/ne/gt/gte/lt/lte/between), `rfm_money` (number: eq/ne/gt/gte/lt/lte/between), `segment` (list: in/not_in); and `attribute.<name>` for the programme’s own attributes. Money in kopecks; dates YYYY-MM-DD in the programme’s time zone; `days` counts back from now (for points_expiring, ahead). Members who enter or leave get `segment.entered` / `segment.left` events.
         */
        put: operations["putSegment"];
        post?: never;
        /** Delete a segment; refused (409) while a campaign’s audience or another segment’s rule names it */
        delete: operations["deleteSegment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{code}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate a dynamic segment again now (the segments job does it for all of them every hour) */
        post: operations["refreshSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{code}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a static segment’s members with a CSV list: one member id, phone, card number or external id a row
         * @description Rows that match no member are reported (the first 1,000) and the rest imported. At most 8 MB.
         */
        put: operations["importSegmentMembers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{code}/members.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A segment’s members as CSV, streamed: any size */
        get: operations["exportSegmentMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The programme’s key figures for a period (default the last 90 days): members, participation, average check, frequency, repeat rate, churn; by day, week or month; against the period before; narrowed by store, channel, tier, segment or source
         * @description Confirmed receipts by their time of purchase, in the programme's time zone; formulas in the README's Metrics section. At most 10 years and 1000 points in the series.
         */
        get: operations["getKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retention by monthly cohort of first purchase: for each month since, the share of the cohort who bought in it (the triangle)
         * @description A cohort is the members whose first confirmed receipt fell in a month of the period (default the last 12 months), in the programme’s time zone; month 0 is 1 by definition. Narrowed by the members’ segment, source, sign-up channel or tier now.
         */
        get: operations["getRetention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each campaign’s results over a period: receipts and members reached, points and discounts given and their cost, the revenue of those receipts, coupons issued and redeemed; and the use of personal offers
         * @description Cost = points × the point’s value + discounts, in kopecks. Personal offers: coupons bound to a member issued in the period (used once or more since), and campaigns addressed to a member list or a segment (members reached of the audience).
         */
        get: operations["getCampaignResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Acquisition sources and sign-up channels over a period: members who joined, how many bought and bought again, and the receipts and revenue of all the source’s members
         * @description Retention by source = members who joined in the period and bought again at least a day after their first purchase / those of them who bought.
         */
        get: operations["getSourceResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/channels/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SMTP server messages go out through, without the password */
        get: operations["getEmailChannel"];
        /** Set the SMTP server messages go out through; it is tried first, and a server that does not take the connection or the login is refused */
        put: operations["setEmailChannel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/channels/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SMSC SMS go out through, without the password (null when they go through an HTTP gateway) */
        get: operations["getSmsChannel"];
        /** Set the SMSC SMS go out through over SMPP 3.4; it is bound to first, and one that does not answer or take the account is refused */
        put: operations["setSmsChannel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/channels/sms-gateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The HTTP gateway SMS go out through, without the header */
        get: operations["getSmsGateway"];
        /**
         * Send SMS through an aggregator’s HTTP API instead of an SMSC: a request from a template of its URL (and body) for each message
         * @description The gateway’s server must answer when it is set (nothing is sent). A 2xx answer takes the message; 4xx but 401, 403, 408 and 429 bounce it; anything else is tried again. It replaces an SMSC set before, and an SMSC set after replaces it.
         */
        put: operations["setSmsGateway"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/channels/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The web push channel: its contact and VAPID public key */
        get: operations["getPushChannel"];
        /** Set up web push: the VAPID key pair is made the first time and kept after, so browsers that subscribed stay subscribed */
        put: operations["setPushChannel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/templates/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save a message template: subject, text and HTML in Russian and English, with {{variables}} of its event
         * @description Variables: every template may use `name`, `balance`, `tier`, `nextTier`, `toNextTier`, `offers`, `offerCount`, `programme`, `unsubscribeUrl`; `member.birthday` adds `birthday`; `member.lapsed` adds `lastPurchase`, `days`; `purchase.due` adds `lastPurchase`, `usualDays`; `points.digest` adds `points`, `receipts`, `days`; `receipt.confirmed` adds `points`, `paid`, `storeCode`; `points.expiring` adds `points`, `expiresAt`; `points.adjusted` adds `points`; `tier.changed` adds `newTier`; `tier.at_risk` adds `dropsOn`, `missing`; `coupon.issued` adds `couponCode`, `validTo`; `referral.rewarded` adds `points`. Filters: `{{points|plural:балл,балла,баллов}}` (Russian one, few, many; English one, other), `{{expiresAt|date}}`, `{{paid|money}}`. A template naming a variable its event does not give is refused; one a trigger or a broadcast still to go uses keeps its channel and event (409).
         */
        put: operations["setMessageTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message templates */
        get: operations["listMessageTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/templates/{code}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A template written out as a member would get it: a real member, or a sample one; the event’s variables hold sample values */
        post: operations["previewMessageTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/templates/{code}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a template at once to a member of staff, written out as its preview is: to an e-mail address, a mobile number, or (by push) a member’s subscribed browsers
         * @description Nothing is queued or logged as a message to a member. A channel not set up is `409`; one that does not take the message `422 channel_unreachable` with its reason.
         */
        post: operations["sendTestMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/triggers/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Answer an event with a message: the template, marketing or transactional, on or off, after a delay
         * @description A trigger made or switched on answers the events from then on, not those before.
         */
        put: operations["setMessageTrigger"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message triggers */
        get: operations["listMessageTriggers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first: each message with what became of it; of one member, or of one status */
        get: operations["messageLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/broadcasts/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Make or change a broadcast to a segment: its variants, control share and time
         * @description It goes to the segment’s members who consented to marketing e-mail, have an address, are not in the global control group and did not mute its topic. Of them, the control share gets nothing; the rest are split evenly over the variants. The split is by md5 of broadcast and member, so it is the same however often it is computed. Only a broadcast that has not gone may change.
         */
        put: operations["setBroadcast"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The broadcasts, latest first */
        get: operations["listBroadcasts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/broadcasts/{code}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call off a broadcast that has not gone */
        post: operations["cancelBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/broadcasts/{code}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a broadcast did: each variant’s messages, opens, clicks, unsubscribes and conversion against the control group
         * @description Conversion: a confirmed receipt within the programme’s conversion window after the message was due (the control group from the same moment). Every member of a group counts, reached or not. Lift: the group less the control group, with a 95% interval (Newcombe’s hybrid score method for shares, Welch for revenue per member).
         */
        get: operations["broadcastResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messaging/triggers/{code}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a trigger’s messages did: sent, opened, clicked, unsubscribed, and the purchases after them */
        get: operations["triggerResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/message-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member’s own choice of topics and weekly maximum (their consents per channel are on the member) */
        get: operations["getMessagePreferences"];
        /**
         * Set the member’s own choice: topics they want nothing about, and at most how many marketing messages a week
         * @description Transactional messages (codes, receipts) are not counted or held back. Over the weekly maximum a marketing message is skipped, not put off.
         */
        put: operations["setMessagePreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member’s in-app inbox, newest first, with how many are unread: what the member’s app shows */
        get: operations["memberInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/inbox/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a message of the member’s inbox read, as their app does when it is opened (again: it stays read from the first time) */
        post: operations["markInboxMessageRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The browsers the member subscribed to web push with, and the VAPID public key a browser subscribes with (`applicationServerKey`) */
        get: operations["memberPushSubscriptions"];
        put?: never;
        /**
         * Keep a browser’s push subscription (`PushSubscription.toJSON()`): the member’s pushes go to it; the same endpoint again takes the new keys
         * @description Marketing pushes also need the member’s consent to `push`.
         */
        post: operations["subscribeMemberToPush"];
        /** Forget a browser of the member’s (`endpoint`), or every one when none is named */
        delete: operations["unsubscribeMemberFromPush"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ConditionNode: {
            all: components["schemas"]["ConditionNode"][];
        } | {
            any: components["schemas"]["ConditionNode"][];
        } | {
            not: components["schemas"]["ConditionNode"];
        } | {
            code: string;
            /** @default {} */
            args: {
                [key: string]: unknown;
            };
        };
        Campaign: {
            code: string;
            name: string;
            /** @default  */
            description: string;
            /** @default true */
            enabled: boolean;
            /**
             * @default receipt
             * @enum {string}
             */
            trigger: "receipt" | "event";
            /** @default {} */
            schedule: {
                /** Format: date-time */
                from?: string;
                /** Format: date-time */
                to?: string;
                /** @description 1 = Monday ... 7 = Sunday */
                days?: number[];
                hours?: {
                    from: string;
                    to: string;
                };
            };
            /**
             * @default {
             *       "kind": "all"
             *     }
             */
            audience: {
                /** @constant */
                kind: "all";
            } | {
                /** @constant */
                kind: "tiers";
                tiers: string[];
            } | {
                /** @constant */
                kind: "members";
                members: string[];
            } | {
                /** @constant */
                kind: "segment";
                /** @description a segment: its members as last refreshed */
                code: string;
            };
            /**
             * @default {
             *       "stores": [],
             *       "channels": []
             *     }
             */
            scope: {
                /** @default [] */
                stores: string[];
                /** @default [] */
                channels: ("till" | "online" | "app" | "partner")[];
            };
            /**
             * @default {
             *       "all": []
             *     }
             */
            conditions: components["schemas"]["ConditionNode"];
            effects: {
                code: string;
                /** @default {} */
                args: {
                    [key: string]: unknown;
                };
            }[];
            /** @default 0 */
            priority: number;
            /**
             * @default {
             *       "mode": "stackable"
             *     }
             */
            stacking: {
                /** @enum {string} */
                mode: "stackable" | "exclusive" | "group";
                group?: string;
            };
            /** @default {} */
            limits: {
                /** @description for the whole campaign, over all members */
                budget?: {
                    points?: number;
                    /** @description kopecks */
                    discount?: number;
                };
                perMember?: {
                    points?: number;
                    /** @description kopecks */
                    discount?: number;
                    /** @enum {string} */
                    period: "day" | "week" | "month" | "lifetime";
                    uses?: number;
                };
                perReceipt?: {
                    points?: number;
                    /** @description kopecks */
                    discount?: number;
                };
            };
        };
        Rules: {
            /** @default [] */
            campaigns: components["schemas"]["Campaign"][];
            /** @default [] */
            eventTypes: {
                code: string;
                name: string;
            }[];
            /**
             * @default {
             *       "enabled": false,
             *       "referrerPoints": 0,
             *       "refereePoints": 0,
             *       "minPurchase": 0,
             *       "maxRewardsPerMonth": 20
             *     }
             */
            referral: {
                /** @default false */
                enabled: boolean;
                /** @default 0 */
                referrerPoints: number;
                /** @default 0 */
                refereePoints: number;
                /**
                 * @description the newcomer's first receipt must reach this, kopecks
                 * @default 0
                 */
                minPurchase: number;
                /** @default 20 */
                maxRewardsPerMonth: number;
            };
        };
        Settings: {
            /** @default RUB */
            currency: string;
            /** @default Europe/Moscow */
            timezone: string;
            /**
             * @default {
             *       "kind": "percent",
             *       "percent": 5
             *     }
             */
            earn: {
                /** @constant */
                kind: "percent";
                percent: number;
            } | {
                /** @constant */
                kind: "per_amount";
                points: number;
                /** @description kopecks (minor units) per step */
                per: number;
            };
            /**
             * @default floor
             * @enum {string}
             */
            rounding: "floor" | "half_up" | "ceil";
            /**
             * @description kopecks one point pays
             * @default 100
             */
            pointValue: number;
            /** @default 1 */
            minRedemption: number;
            /** @default 50 */
            maxRedemptionPercent: number;
            /**
             * @default {
             *       "categories": [],
             *       "skus": []
             *     }
             */
            earnExcluded: {
                /** @default [] */
                categories: string[];
                /** @default [] */
                skus: string[];
            };
            /**
             * @default {
             *       "categories": [],
             *       "skus": []
             *     }
             */
            redeemExcluded: {
                /** @default [] */
                categories: string[];
                /** @default [] */
                skus: string[];
            };
            /** @default 14 */
            pendingDays: number;
            /**
             * @default {
             *       "kind": "days",
             *       "days": 365
             *     }
             */
            expiry: {
                /** @constant */
                kind: "never";
            } | {
                /** @constant */
                kind: "days";
                days: number;
            } | {
                /** @constant */
                kind: "end_of_month";
                months: number;
            } | {
                /** @constant */
                kind: "end_of_year";
                months: number;
            };
            /** @default 14 */
            expiryNoticeDays: number;
            /**
             * @default allow
             * @enum {string}
             */
            negativeBalance: "allow" | "write_off";
            /**
             * @default on_registration
             * @enum {string}
             */
            cardActivation: "on_registration" | "on_first_purchase";
            /** @default true */
            enrollOnUnknownCard: boolean;
            /** @default false */
            partnersMayEnrol: boolean;
            /** @default 7770 */
            cardPrefix: string;
            /** @default [] */
            corsOrigins: string[];
            /**
             * @default {
             *       "metric": "amount_spent",
             *       "windowDays": 365
             *     }
             */
            tierQualification: {
                /**
                 * @default amount_spent
                 * @enum {string}
                 */
                metric: "points_earned" | "amount_spent";
                /** @default 365 */
                windowDays: number;
            };
            /** @default [] */
            tiers: {
                code: string;
                name: string;
                threshold: number;
                /** @default 1 */
                earnMultiplier: number;
                /** @default 0 */
                extraPercent: number;
                /** @default  */
                perks: string;
            }[];
            /** @default 03:00 */
            dailyJobsAt: string;
            /**
             * @default {
             *       "from": "21:00",
             *       "to": "09:00"
             *     }
             */
            quietHours: {
                from: string;
                to: string;
            } | null;
            /**
             * @default {
             *       "dailyCaps": {
             *         "email": null,
             *         "sms": null,
             *         "push": null
             *       },
             *       "perSecond": {
             *         "email": null,
             *         "sms": null,
             *         "push": null
             *       },
             *       "globalControlPercent": 0,
             *       "tracking": true,
             *       "conversionDays": 7
             *     }
             */
            messaging: {
                /**
                 * @default {
                 *       "email": null,
                 *       "sms": null,
                 *       "push": null
                 *     }
                 */
                dailyCaps: {
                    /** @default null */
                    email: number | null;
                    /** @default null */
                    sms: number | null;
                    /** @default null */
                    push: number | null;
                };
                /**
                 * @default {
                 *       "email": null,
                 *       "sms": null,
                 *       "push": null
                 *     }
                 */
                perSecond: {
                    /** @default null */
                    email: number | null;
                    /** @default null */
                    sms: number | null;
                    /** @default null */
                    push: number | null;
                };
                /** @default 0 */
                globalControlPercent: number;
                /** @default true */
                tracking: boolean;
                /** @default 7 */
                conversionDays: number;
            };
        };
        SegmentRule: {
            all: components["schemas"]["SegmentRule"][];
        } | {
            any: components["schemas"]["SegmentRule"][];
        } | {
            not: components["schemas"]["SegmentRule"];
        } | {
            field: string;
            op: string;
            value?: unknown;
            /** @description the last N days: today and the N whole days before it, in the programme's time zone */
            days?: number;
            /** Format: date */
            from?: string;
            /** Format: date */
            to?: string;
        };
        SegmentInput: {
            name: string;
            /** @default  */
            description: string;
            /**
             * @default dynamic
             * @enum {string}
             */
            kind: "dynamic" | "static";
            /** @description dynamic segments: the condition members meet */
            rule?: components["schemas"]["SegmentRule"];
        };
        Session: {
            staff: components["schemas"]["Staff"];
            /** @description send it as x-csrf-token with every request that changes something */
            csrfToken: string;
            expiresAt: string;
        };
        Staff: {
            id: string;
            programId: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "owner" | "marketer" | "support" | "analyst";
            /** @description what the role may do: the API's role matrix (README, Roles) */
            permissions: ("programme:read" | "settings" | "members:lookup" | "members:read" | "members:pii" | "members:enrol" | "members:edit" | "members:erase" | "cards" | "adjust" | "events" | "receipts" | "receipts:read" | "receipts:others" | "coupons:check" | "coupons:list" | "coupons:create" | "simulate" | "backtest" | "audit" | "events:feed" | "jobs" | "jobs:read" | "reports" | "segments:export" | "keys" | "staff" | "webhooks" | "messaging")[];
            /** @description signed in with a one-time password: POST /session/password before anything else */
            mustChangePassword: boolean;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail: string;
        } & {
            [key: string]: unknown;
        };
        SignIn: {
            email: string;
            password: string;
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        Store: {
            code: string;
            name: string;
            city: string | null;
            channel: string;
            partner: string | null;
        };
        StoreInput: {
            name: string;
            /** @default null */
            city: string | null;
            /**
             * @default till
             * @enum {string}
             */
            channel: "till" | "online" | "app" | "partner";
            /**
             * @description the partner that owns the store (its partner keys sell here); null: the programme's own
             * @default null
             */
            partner: string | null;
        };
        Partner: {
            code: string;
            name: string;
        };
        PartnerInput: {
            name: string;
        };
        ScheduledJob: {
            /** @enum {string} */
            job: "activation" | "expiry" | "expiry-notice" | "referrals" | "segments" | "day-sums" | "tier-review" | "birthdays" | "idempotency" | "event-retention" | "daily-totals" | "segment-refresh";
            /** @enum {string} */
            scope: "every programme" | "this programme";
            /** @description ISO 8601; a daily job runs at the programme-local `dailyJobsAt` */
            nextRunAt: string;
            running: boolean;
            /** @description runs finished so far */
            runs: number;
            lastRun: {
                startedAt: string;
                finishedAt: string | null;
                millis: number | null;
                /** @enum {string|null} */
                outcome: "ok" | "failed" | null;
                /** @description members looked at (for a job of this programme only) */
                members: number | null;
                changed: number | null;
            } | null;
        };
        Member: {
            externalId: string | null;
            phone: string | null;
            email: string | null;
            name: string | null;
            /** Format: date */
            birthDate: string | null;
            /** @enum {string|null} */
            gender: "female" | "male" | null;
            city: string | null;
            /** @description the programme's own member attributes: at most 100, 16 KB of JSON in all */
            attributes: {
                [key: string]: unknown;
            };
            /** @description acquisition source, e.g. "store", "website", "friend" */
            source: string | null;
            /** @description acquisition channel, e.g. "till", "online", "app" */
            channel: string | null;
            consents: {
                email: boolean;
                sms: boolean;
                push: boolean;
            };
            id: string;
            tierCode: string | null;
            pointsAvailable: number;
            pointsPending: number;
            activity: components["schemas"]["MemberActivity"];
            createdAt: string;
            updatedAt: string;
            /** @description when their personal data was erased at their request (`POST /v1/members/{id}/erase`) */
            erasedAt: string | null;
        };
        MemberActivity: {
            /** @description confirmed receipts (a cancelled one no longer counts) */
            purchases: number;
            firstPurchaseAt: string | null;
            lastPurchaseAt: string | null;
            /** @description kopecks paid on their receipts, net of returns */
            paid: number;
            /** @description points earned on receipts, net of what returns took back */
            pointsEarned: number;
            /** @description points spent on receipts, net of what returns gave back */
            pointsSpent: number;
        };
        MemberSummary: {
            id: string;
            tierCode: string | null;
            pointsAvailable: number;
            pointsPending: number;
        };
        Card: {
            number: string;
            memberId: string;
            /** @enum {string} */
            kind: "virtual" | "physical";
            /** @enum {string} */
            status: "inactive" | "active" | "blocked";
            blockReason: string | null;
            replacedBy: string | null;
        };
        NewMember: {
            externalId?: string | null;
            phone?: string | null;
            email?: string | null;
            name?: string | null;
            /** Format: date */
            birthDate?: string | null;
            /** @enum {string|null} */
            gender?: "female" | "male" | null;
            city?: string | null;
            /** @description the programme's own member attributes: at most 100, 16 KB of JSON in all */
            attributes?: {
                [key: string]: unknown;
            };
            /** @description acquisition source, e.g. "store", "website", "friend" */
            source?: string | null;
            /** @description acquisition channel, e.g. "till", "online", "app" */
            channel?: string | null;
            consents?: {
                email: boolean;
                sms: boolean;
                push: boolean;
            };
            consentEvidence?: components["schemas"]["ConsentEvidence"];
            /** @description a physical card; else a virtual one is issued */
            cardNumber?: string;
            /** @description the code of the member who referred the newcomer */
            referralCode?: string;
        };
        /** @description how a change of consents came about; kept with each grant and withdrawal as evidence (38-FZ art. 18) */
        ConsentEvidence: {
            /**
             * @description where the member gave or withdrew consent (default `api`)
             * @enum {string}
             */
            via?: "till" | "website" | "app" | "console" | "call_centre" | "paper" | "unsubscribe" | "erasure" | "api";
            /** @description the version of the consent wording the member was shown, e.g. "marketing-2026-10" */
            wording?: string | null;
            /** @description the store where it happened */
            storeCode?: string | null;
            /** @description the member's IP address, as the website or app saw it */
            ip?: string | null;
        };
        MemberPatch: {
            externalId?: string | null;
            phone?: string | null;
            email?: string | null;
            name?: string | null;
            /** Format: date */
            birthDate?: string | null;
            /** @enum {string|null} */
            gender?: "female" | "male" | null;
            city?: string | null;
            /** @description the programme's own member attributes: at most 100, 16 KB of JSON in all */
            attributes?: {
                [key: string]: unknown;
            };
            /** @description acquisition source, e.g. "store", "website", "friend" */
            source?: string | null;
            /** @description acquisition channel, e.g. "till", "online", "app" */
            channel?: string | null;
            consents?: {
                email: boolean;
                sms: boolean;
                push: boolean;
            };
            consentEvidence?: components["schemas"]["ConsentEvidence"];
        };
        ConsentRecord: {
            id: string;
            /** @enum {string} */
            channel: "email" | "sms" | "push";
            /** @description true for a grant, false for a withdrawal */
            granted: boolean;
            at: string;
            /** @enum {string} */
            via: "till" | "website" | "app" | "console" | "call_centre" | "paper" | "unsubscribe" | "erasure" | "api";
            wording: string | null;
            storeCode: string | null;
            /** @description cleared when the member is erased */
            ip: string | null;
            /** @description the key or staff member that recorded it */
            actor: string;
        };
        Balance: {
            available: number;
            pending: number;
            /** @description points expiring within 30 days */
            expiringSoon: number;
            nextExpiry: {
                points: number;
                at: string;
            } | null;
            /** @description points clawed back after they were spent; repaid from the next points */
            debt: number;
        };
        Lot: {
            id: string;
            /** @enum {string} */
            state: "pending" | "active" | "expired";
            /** @description points the lot was earned with */
            amount: number;
            /** @description points still in it */
            remaining: number;
            activatesAt: string;
            expiresAt: string | null;
            createdAt: string;
            /** @description how the points came: receipt, adjustment, action, referral... */
            source: string;
            receiptId: string | null;
            reason: string | null;
        };
        HistoryItem: {
            id: string;
            /** @enum {string} */
            kind: "receipt" | "return" | "cancel" | "adjustment" | "activation" | "expiry" | "action" | "referral";
            at: string;
            receiptId: string | null;
            returnId: string | null;
            reason: string | null;
            /** @description who made a manual change: the key or staff member, with their name */
            actor: string | null;
            /** @description change of available points */
            available: number;
            /** @description change of pending points */
            pending: number;
        };
        Adjustment: {
            points: number;
            reason: string;
        };
        TierChange: {
            id: string;
            from: string | null;
            to: string;
            reason: string;
            /** @description points earned or kopecks spent in the qualifying window */
            qualifyingValue: number;
            at: string;
        };
        Calculation: {
            memberId: string | null;
            settingsVersion: number;
            rulesVersion: number;
            tier: string | null;
            available: number | null;
            total: number;
            maxPointsByReceipt: number;
            maxPoints: number;
            campaignDiscount: number;
            pointsSpent: number;
            pointsDiscount: number;
            paid: number;
            pointsEarned: number;
            lines: {
                lineNo: number;
                sku: string;
                earns: boolean;
                redeemable: boolean;
                maxPoints: number;
                /** @description kopecks campaigns took off the line */
                campaignDiscount: number;
                pointsSpent: number;
                pointsDiscount: number;
                paid: number;
                pointsEarned: number;
            }[];
            rules: {
                code: string;
                description: string;
                lines?: number[];
            }[];
            campaigns: components["schemas"]["AppliedCampaign"][];
            skippedCampaigns: components["schemas"]["SkippedCampaign"][];
            coupons: {
                code: string;
                /** @enum {string} */
                status: "applied" | "rejected";
                campaign: string | null;
                /** @description unknown, expired, not_yet_valid, used_up, other_member, member_limit, not_for_this_store, conditions_not_met... */
                reason?: string;
                message?: string;
            }[];
            gifts: {
                sku: string;
                name: string | null;
                quantity: number;
                campaign: string;
            }[];
        };
        AppliedCampaign: {
            campaign: string;
            name: string;
            discount: number;
            points: number;
            lines: {
                lineNo: number;
                discount: number;
                points: number;
            }[];
            rewards: {
                [key: string]: unknown;
            }[];
            byCoupon: boolean;
        };
        SkippedCampaign: {
            campaign: string;
            name: string;
            /** @enum {string} */
            reason: "disabled" | "not_scheduled" | "audience" | "scope" | "conditions" | "coupon_missing" | "member_limit" | "budget_spent" | "stacking" | "no_effect";
            message: string;
        };
        Receipt: {
            storeCode: string;
            number: string;
            /**
             * Format: date-time
             * @description when the sale happened; default now
             */
            purchasedAt?: string;
            currency?: string;
            /** @description omit for an anonymous receipt */
            member?: {
                id?: string;
                cardNumber?: string;
                phone?: string;
                externalId?: string;
            };
            lines: {
                sku: string;
                name?: string;
                category?: string;
                brand?: string;
                quantity: number;
                /** @description kopecks per unit */
                price: number;
                /**
                 * @description the shop's own discount on the line, kopecks
                 * @default 0
                 */
                discount: number;
                /** @description round(price x quantity) - discount, kopecks */
                amount: number;
                /**
                 * @description a gift line: never earns, never paid with points
                 * @default false
                 */
                isReward: boolean;
                /** @description sold by weight (kg), so part of it may be returned; counted units return whole. Default: true when the quantity has decimals */
                weighed?: boolean;
            }[];
            /** @description sum of line amounts, kopecks */
            total: number;
            /** @default 0 */
            pointsToSpend: number;
            /** @description coupon and promo codes the customer presents */
            coupons?: string[];
        };
        ConfirmedReceipt: components["schemas"]["Calculation"] & {
            id: string;
            storeCode: string;
            number: string;
            /** @enum {string} */
            status: "confirmed";
            cardNumber: string | null;
            purchasedAt: string;
            balance: {
                available: number;
                pending: number;
                expiringSoon: number;
                debt: number;
            } | null;
            tierChange: {
                from: string | null;
                to: string;
            } | null;
            couponsIssued: {
                code: string;
                campaign: string;
                validTo: string;
            }[];
            /** @description points for joining through a referral, with the newcomer's first qualifying purchase */
            referralBonus: number;
        };
        ReceiptBatchResult: {
            confirmed: number;
            failed: number;
            results: {
                index: number;
                status: number;
                receipt?: components["schemas"]["ConfirmedReceipt"];
                problem?: {
                    [key: string]: unknown;
                };
            }[];
        };
        ReceiptBatch: {
            receipts: unknown[];
        };
        ReceiptSummary: {
            id: string;
            storeCode: string;
            number: string;
            memberId: string | null;
            /** @enum {string} */
            status: "confirmed" | "cancelled";
            /** @description kopecks */
            total: number;
            pointsEarned: number;
            pointsSpent: number;
            /** @description kopecks */
            campaignDiscount: number;
            purchasedAt: string;
        };
        StoredReceipt: components["schemas"]["ReceiptSummary"] & {
            cardNumber: string | null;
            settingsVersion: number;
            rulesVersion: number;
            /** @description the member's tier when the receipt was priced */
            tierCode: string | null;
            currency: string;
            /** @description kopecks paid with points */
            pointsDiscount: number;
            createdAt: string;
            /** @description the key that made it */
            createdBy: string | null;
            lines: {
                lineNo: number;
                sku: string;
                name: string | null;
                category: string | null;
                brand: string | null;
                quantity: number;
                price: number;
                discount: number;
                amount: number;
                isReward: boolean;
                weighed: boolean;
                campaignDiscount: number;
                pointsEarned: number;
                pointsSpent: number;
                pointsDiscount: number;
                returnedQuantity: number;
            }[];
            campaigns: {
                campaign: string;
                name: string;
                points: number;
                discount: number;
                /** @description the receipt was returned in full */
                reversed: boolean;
            }[];
            returns: {
                id: string;
                /** @enum {string} */
                kind: "return" | "cancel";
                number: string | null;
                amount: number;
                pointsClawedBack: number;
                pointsRefunded: number;
                at: string;
            }[];
        };
        ReturnResult: {
            id: string;
            receiptId: string;
            /** @enum {string} */
            kind: "return" | "cancel";
            number: string | null;
            /** @description money to give back, kopecks */
            amount: number;
            pointsClawedBack: number;
            pointsRefunded: number;
            debt: number;
            writtenOff: number;
            lines: {
                lineNo: number;
                quantity: number;
                amount: number;
                pointsClawedBack: number;
                pointsRefunded: number;
            }[];
            balance: {
                available: number;
                pending: number;
                debt: number;
            } | null;
            /** @description coupons usable again: nothing of the receipt is left */
            couponsRestored: string[];
            /** @description unused coupons the receipt earned, expired: nothing of it is left */
            couponsVoided: string[];
        };
        Return: {
            /** @description the shop's return document number */
            number?: string;
            lines: {
                lineNo: number;
                quantity: number;
            }[];
        };
        RuleVersion: {
            version: number;
            actor: string;
            at: string;
            /** @description how many campaigns it has */
            campaigns: number;
        };
        RuleCatalogue: {
            conditions: {
                code: string;
                title: {
                    en: string;
                    ru: string;
                };
                triggers: ("receipt" | "event")[];
                /** @description JSON Schema of the arguments */
                args: {
                    [key: string]: unknown;
                };
            }[];
            effects: {
                code: string;
                title: {
                    en: string;
                    ru: string;
                };
                triggers: ("receipt" | "event")[];
                /** @description JSON Schema of the arguments */
                args: {
                    [key: string]: unknown;
                };
            }[];
            actionTypes: string[];
        };
        Category: {
            code: string;
            name: string;
            parent: string | null;
        };
        Simulation: {
            /** @description a draft rule set; omit for the published one */
            rules?: {
                [key: string]: unknown;
            };
            receipt: components["schemas"]["Receipt"];
        };
        BacktestReport: {
            from: string;
            to: string;
            receipts: number;
            published: {
                /** @description the published version; null for the draft */
                version: number | null;
                pointsIssued: number;
                campaignPoints: number;
                discount: number;
                pointsSpent: number;
                /** @description points issued less points spent */
                liabilityChange: number;
                cost: number;
                membersAffected: number;
                campaigns: {
                    campaign: string;
                    name: string;
                    receipts: number;
                    members: number;
                    points: number;
                    /** @description kopecks */
                    discount: number;
                    /** @description roubles: its points at their value plus its discounts */
                    cost: number;
                }[];
            };
            draft: {
                /** @description the published version; null for the draft */
                version: number | null;
                pointsIssued: number;
                campaignPoints: number;
                discount: number;
                pointsSpent: number;
                /** @description points issued less points spent */
                liabilityChange: number;
                cost: number;
                membersAffected: number;
                campaigns: {
                    campaign: string;
                    name: string;
                    receipts: number;
                    members: number;
                    points: number;
                    /** @description kopecks */
                    discount: number;
                    /** @description roubles: its points at their value plus its discounts */
                    cost: number;
                }[];
            };
            difference: {
                pointsIssued: number;
                discount: number;
                cost: number;
                liabilityChange: number;
                liabilityChangeValue: number;
            };
            millis: number;
        };
        Backtest: {
            rules: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        AuditRecord: {
            id: string;
            /** @description the key or staff member, with their name; or the system */
            actor: string;
            action: string;
            entity: string;
            entityId: string;
            /** @description the object before the change; null when it was made */
            before?: unknown;
            /** @description the object after the change; null when it was removed */
            after?: unknown;
            at: string;
        };
        ActionResult: {
            id: string;
            memberId: string;
            type: string;
            occurredAt: string;
            rulesVersion: number;
            points: number;
            campaigns: components["schemas"]["AppliedCampaign"][];
            skippedCampaigns: components["schemas"]["SkippedCampaign"][];
            couponsIssued: {
                code: string;
                campaign: string;
                validTo: string;
            }[];
            tierChange: {
                from: string | null;
                to: string;
            } | null;
            balance: {
                [key: string]: unknown;
            } | null;
        };
        Action: {
            /** @description your id of the event: a retry with the same id has one effect */
            id: string;
            memberId: string;
            /** @description registration, review, survey, social_repost, sport_goal... or a type the programme defines */
            type: string;
            /** Format: date-time */
            occurredAt?: string;
            /** @description free attributes; a survey carries `score` (0–10, for NPS) and may carry `storeCode` */
            attributes?: {
                [key: string]: string | number | boolean;
            };
        };
        Referral: {
            memberId: string;
            /** @description null for a key that may not see members' personal data */
            name: string | null;
            /** @enum {string} */
            status: "pending" | "qualified" | "rewarded" | "rejected";
            reason: string | null;
            joinedAt: string;
            /** @description whom this member referred in turn: the same shape, a level deeper */
            referrals: {
                [key: string]: unknown;
            }[];
        };
        Event: components["schemas"]["EventMemberCreated"] | components["schemas"]["EventMemberUpdated"] | components["schemas"]["EventMemberErased"] | components["schemas"]["EventCardIssued"] | components["schemas"]["EventCardBlocked"] | components["schemas"]["EventReceiptConfirmed"] | components["schemas"]["EventReceiptReturned"] | components["schemas"]["EventReceiptCancelled"] | components["schemas"]["EventPointsAdjusted"] | components["schemas"]["EventPointsActivated"] | components["schemas"]["EventPointsExpired"] | components["schemas"]["EventPointsExpiring"] | components["schemas"]["EventTierChanged"] | components["schemas"]["EventCampaignPublished"] | components["schemas"]["EventCouponIssued"] | components["schemas"]["EventCouponRedeemed"] | components["schemas"]["EventCouponRestored"] | components["schemas"]["EventReferralRewarded"] | components["schemas"]["EventActionRecorded"] | components["schemas"]["EventSegmentEntered"] | components["schemas"]["EventSegmentLeft"];
        EventMemberCreated: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "member.created";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                source: string | null;
                channel: string | null;
                cards: string[];
            };
        };
        EventMemberUpdated: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "member.updated";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                /** @description the profile fields that changed */
                fields: string[];
            };
        };
        EventMemberErased: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "member.erased";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                /** @description their cards, all blocked with it */
                cards: string[];
            };
        };
        EventCardIssued: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "card.issued";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                cardNumber: string;
                kind: string;
            };
        };
        EventCardBlocked: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "card.blocked";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                cardNumber: string;
                /** @description null once the member is erased */
                reason: string | null;
                replacedBy: string | null;
            };
        };
        EventReceiptConfirmed: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "receipt.confirmed";
            payload: {
                receiptId: string;
                storeCode: string;
                number: string;
                /** @description the member, or null for an anonymous receipt or coupon use */
                memberId: string | null;
                total: number;
                paid: number;
                pointsEarned: number;
                pointsSpent: number;
                campaignDiscount: number;
                /** @description the campaigns applied */
                campaigns: string[];
                /** @description ISO 8601 */
                purchasedAt: string;
            };
        };
        EventReceiptReturned: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "receipt.returned";
            payload: {
                receiptId: string;
                returnId: string;
                /** @description the member, or null for an anonymous receipt or coupon use */
                memberId: string | null;
                amount: number;
                pointsClawedBack: number;
                pointsRefunded: number;
            };
        };
        EventReceiptCancelled: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "receipt.cancelled";
            payload: {
                receiptId: string;
                returnId: string;
                /** @description the member, or null for an anonymous receipt or coupon use */
                memberId: string | null;
                amount: number;
                pointsClawedBack: number;
                pointsRefunded: number;
            };
        };
        EventPointsAdjusted: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "points.adjusted";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                /** @description negative for points taken */
                points: number;
                reason: string;
                available: number;
            };
        };
        EventPointsActivated: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "points.activated";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                points: number;
                /** @description the member’s available points after it */
                available: number;
            };
        };
        EventPointsExpired: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "points.expired";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                points: number;
                /** @description the member’s available points after it */
                available: number;
            };
        };
        EventPointsExpiring: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "points.expiring";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                lotId: string;
                /** @description what is left in the lot */
                points: number;
                /** @description ISO 8601 */
                expiresAt: string;
            };
        };
        EventTierChanged: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tier.changed";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                from: string | null;
                to: string;
                reason: string;
            };
        };
        EventCampaignPublished: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "campaign.published";
            payload: {
                campaign: string;
                rulesVersion: number;
                /** @enum {string} */
                change: "create" | "change" | "remove";
            };
        };
        EventCouponIssued: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "coupon.issued";
            payload: {
                code: string;
                campaign: string;
                /** @description the member the event concerns */
                memberId: string;
                /** @description ISO 8601 */
                validTo: string;
                /** @description the receipt or action that earned it */
                sourceId: string;
            };
        };
        EventCouponRedeemed: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "coupon.redeemed";
            payload: {
                code: string;
                campaign: string;
                /** @description the member, or null for an anonymous receipt or coupon use */
                memberId: string | null;
                sourceId: string;
            };
        };
        EventCouponRestored: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "coupon.restored";
            payload: {
                code: string;
                /** @description the member, or null for an anonymous receipt or coupon use */
                memberId: string | null;
                receiptId: string;
            };
        };
        EventReferralRewarded: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "referral.rewarded";
            payload: {
                /** @description who got the points */
                memberId: string;
                refereeId: string;
                /** @enum {string} */
                role: "referrer" | "referee";
                points: number;
            };
        };
        EventActionRecorded: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "action.recorded";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                actionId: string;
                actionType: string;
                points: number;
            };
        };
        EventSegmentEntered: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "segment.entered";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                /** @description the segment’s code */
                segment: string;
            };
        };
        EventSegmentLeft: {
            /** @description the event's place in the programme's feed: pass the last one seen as `after` */
            seq: number;
            /** @description unique; a consumer that has seen it may skip it */
            id: string;
            /** @description of the payload: fields are only added within a version */
            version: number;
            memberId: string | null;
            occurredAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "segment.left";
            payload: {
                /** @description the member the event concerns */
                memberId: string;
                /** @description the segment’s code */
                segment: string;
            };
        };
        Webhook: {
            id: string;
            url: string;
            /** @description the types sent; empty: every type */
            eventTypes: ("member.created" | "member.updated" | "member.erased" | "card.issued" | "card.blocked" | "receipt.confirmed" | "receipt.returned" | "receipt.cancelled" | "points.adjusted" | "points.activated" | "points.expired" | "points.expiring" | "tier.changed" | "campaign.published" | "coupon.issued" | "coupon.redeemed" | "coupon.restored" | "referral.rewarded" | "action.recorded" | "segment.entered" | "segment.left")[];
            enabled: boolean;
            /** @description why deliveries stopped, when they did */
            disabledReason: string | null;
            createdAt: string;
        };
        WebhookInput: {
            url: string;
            /** @default [] */
            eventTypes: ("member.created" | "member.updated" | "member.erased" | "card.issued" | "card.blocked" | "receipt.confirmed" | "receipt.returned" | "receipt.cancelled" | "points.adjusted" | "points.activated" | "points.expired" | "points.expiring" | "tier.changed" | "campaign.published" | "coupon.issued" | "coupon.redeemed" | "coupon.restored" | "referral.rewarded" | "action.recorded" | "segment.entered" | "segment.left")[];
            /** @description whsec_ and the base64 of 24-64 random bytes; made for you when left out */
            secret?: string;
        };
        WebhookChange: {
            url?: string;
            eventTypes?: ("member.created" | "member.updated" | "member.erased" | "card.issued" | "card.blocked" | "receipt.confirmed" | "receipt.returned" | "receipt.cancelled" | "points.adjusted" | "points.activated" | "points.expired" | "points.expiring" | "tier.changed" | "campaign.published" | "coupon.issued" | "coupon.redeemed" | "coupon.restored" | "referral.rewarded" | "action.recorded" | "segment.entered" | "segment.left")[];
            enabled?: boolean;
        };
        WebhookDelivery: {
            eventId: string;
            seq: number;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead";
            attempts: number;
            lastAttemptAt: string | null;
            lastStatus: number | null;
            lastError: string | null;
            lastLatencyMs: number | null;
            /** @description the first 500 characters of the receiver's answer */
            lastResponse: string | null;
            deliveredAt: string | null;
        };
        WebhookReplay: {
            from: number;
            to: number;
        };
        CouponBatch: {
            batch: string;
            campaign: string;
            count: number;
            /** @description the codes, when there are at most 1000 */
            codes?: string[];
        };
        CouponBatchInput: {
            /** @description a campaign of the published rule set; give it the condition { code: "coupon" } */
            campaign: string;
            /** @default 1 */
            count: number;
            /** @description X is replaced by a random character; default KOP-XXXX-XXXX */
            pattern?: string;
            /** @description one fixed promo code (e.g. SUMMER2026) instead of a pattern; count must be 1 */
            code?: string;
            /**
             * @description uses over all customers; null for unlimited
             * @default 1
             */
            maxUses: number | null;
            /**
             * @description uses per member; null for no limit
             * @default null
             */
            perMember: number | null;
            /**
             * Format: date-time
             * @default null
             */
            validFrom: string | null;
            /**
             * Format: date-time
             * @default null
             */
            validTo: string | null;
            /**
             * @description binds every coupon of the batch to this member
             * @default null
             */
            memberId: string | null;
        };
        Coupon: {
            code: string;
            campaign: string;
            batch: string | null;
            memberId: string | null;
            maxUses: number | null;
            perMember: number | null;
            uses: number;
            validFrom: string | null;
            validTo: string | null;
            createdAt: string;
        };
        CouponBatchSummary: {
            batch: string;
            campaign: string;
            count: number;
            /** @description the pattern of random codes; null for a fixed code */
            pattern: string | null;
            /** @description the one fixed promo code; null for random codes */
            code: string | null;
            maxUses: number | null;
            perMember: number | null;
            validFrom: string | null;
            validTo: string | null;
            memberId: string | null;
            /** @description coupons used at least once */
            used: number;
            /** @description uses over all its coupons */
            uses: number;
            createdBy: string;
            createdAt: string;
        };
        ApiKey: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "marketer" | "pos" | "partner" | "readonly";
            /** @description a readonly key that sees members' personal data */
            pii: boolean;
            /** @description the partner a partner key belongs to */
            partner: string | null;
            createdAt: string;
            revokedAt: string | null;
        };
        ApiKeyInput: {
            /** @description who or what uses the key, e.g. "till 7" */
            name: string;
            /** @enum {string} */
            role: "admin" | "marketer" | "pos" | "partner" | "readonly";
            /**
             * @description readonly keys only: let the key see members' personal data
             * @default false
             */
            pii: boolean;
            /** @description partner keys only (and required for them): the partner whose stores the key sells at */
            partner?: string;
        };
        StaffMember: {
            id: string;
            email: string;
            name: string;
            /**
             * @description owner, marketer, support (a till’s grants) or analyst (reads)
             * @enum {string}
             */
            role: "owner" | "marketer" | "support" | "analyst";
            createdAt: string;
        };
        StaffInput: {
            /** @description what they sign in with; one account per e-mail in the installation */
            email: string;
            name: string;
            /**
             * @description owner, marketer, support (a till’s grants) or analyst (reads)
             * @enum {string}
             */
            role: "owner" | "marketer" | "support" | "analyst";
        };
        Overview: {
            from: string;
            to: string;
            /** @description kopecks one point pays */
            pointValue: number;
            members: {
                total: number;
                /** @description enrolled in the period */
                joined: number;
            };
            receipts: {
                count: number;
                memberCount: number;
                revenue: number;
                memberRevenue: number;
            };
            points: {
                earned: number;
                spent: number;
                expired: number;
                /** @description members' available points now */
                outstanding: number;
                /** @description members' points waiting to activate now */
                pending: number;
            };
            days: {
                /** @description YYYY-MM-DD in the programme's time zone */
                day: string;
                receipts: number;
                /** @description receipts with a member */
                memberReceipts: number;
                /** @description kopecks */
                revenue: number;
                /** @description kopecks of members' receipts */
                memberRevenue: number;
                pointsEarned: number;
                pointsSpent: number;
            }[];
            campaigns: {
                code: string;
                name: string;
                budget: {
                    points: number | null;
                    discount: number | null;
                } | null;
                left: {
                    points: number;
                    discount: number;
                } | null;
            }[];
        };
        LifetimeValue: {
            cohort: {
                from: string;
                to: string;
                members: number;
                /** @description members with a purchase on a later day than their first */
                repeatBuyers: number;
            };
            /** @description the day the histories end (exclusive) */
            until: string;
            /** @description kopecks the cohort paid so far, per member */
            revenuePerMember: number;
            /** @description BG/NBD: buying rate ~ gamma(r, α) per week, dropout after a purchase ~ beta(a, b) */
            purchases: {
                r: number;
                alpha: number;
                a: number;
                b: number;
                logLikelihood: number;
            };
            /** @description Gamma-Gamma: spend per purchase ~ gamma(p, ν), ν ~ gamma(q, γ), in kopecks */
            spend: {
                p: number;
                q: number;
                gamma: number;
                logLikelihood: number;
            };
            forecast: {
                weeks: number;
                /** @description expected purchases per member in the next weeks */
                purchasesPerMember: number;
                /** @description mean chance a member is still buying */
                probabilityAlive: number;
                /** @description share of members more likely than not still buying */
                aliveShare: number;
                /** @description kopecks, p·γ/(q−1); null when q ≤ 1 */
                spendPerPurchase: number | null;
                /** @description expected revenue per member in the next weeks, undiscounted, kopecks */
                valuePerMember: number | null;
            };
        };
        RfmGrid: {
            /** @description members scored: those who have bought */
            members: number;
            cells: {
                recency: number;
                frequency: number;
                /** @enum {string} */
                segment: "champions" | "loyal" | "potential_loyalists" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cannot_lose" | "hibernating" | "lost";
                members: number;
                purchases: number;
                /** @description kopecks, net of returns */
                paid: number;
                /** @description the mean money score of the cell's members */
                money: number;
            }[];
            segments: {
                /** @enum {string} */
                code: "champions" | "loyal" | "potential_loyalists" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cannot_lose" | "hibernating" | "lost";
                names: {
                    ru: string;
                    en: string;
                };
                members: number;
                /** @description of the members scored */
                share: number;
                paid: number;
            }[];
        };
        NpsReport: {
            from: string;
            to: string;
            /** @enum {string} */
            group: "day" | "week" | "month";
            store: string | null;
            responses: number;
            /** @description scores 9–10 */
            promoters: number;
            /** @description scores 7–8 */
            passives: number;
            /** @description scores 0–6 */
            detractors: number;
            /** @description (promoters − detractors) / responses × 100; null without responses */
            nps: number | null;
            /** @description the period of the same length before, when asked */
            previous: {
                from: string;
                to: string;
                responses: number;
                /** @description scores 9–10 */
                promoters: number;
                /** @description scores 7–8 */
                passives: number;
                /** @description scores 0–6 */
                detractors: number;
                /** @description (promoters − detractors) / responses × 100; null without responses */
                nps: number | null;
            } | null;
            periods: {
                /** @description YYYY-MM-DD, the period's first day */
                start: string;
                responses: number;
                /** @description scores 9–10 */
                promoters: number;
                /** @description scores 7–8 */
                passives: number;
                /** @description scores 0–6 */
                detractors: number;
                /** @description (promoters − detractors) / responses × 100; null without responses */
                nps: number | null;
            }[];
            stores: {
                /** @description null: answers that name no store */
                storeCode: string | null;
                responses: number;
                /** @description scores 9–10 */
                promoters: number;
                /** @description scores 7–8 */
                passives: number;
                /** @description scores 0–6 */
                detractors: number;
                /** @description (promoters − detractors) / responses × 100; null without responses */
                nps: number | null;
            }[];
        };
        PointsReport: {
            from: string;
            to: string;
            /** @enum {string} */
            group: "day" | "week" | "month";
            /** @description kopecks one point pays */
            pointValue: number;
            /** @description points given for receipts and actions, less those returns took back */
            issued: number;
            /** @description points spent, less those refunded by returns */
            redeemed: number;
            expired: number;
            /** @description points added by hand less those taken */
            adjusted: number;
            /** @description points given for referrals */
            referral: number;
            /** @description expired / issued in the period; null when none issued */
            breakageRate: number | null;
            /** @description redeemed / issued in the period; null when none issued */
            redemptionRate: number | null;
            liability: {
                available: number;
                pending: number;
                /** @description (available + pending) × pointValue: what the points held now would pay */
                kopecks: number;
            };
            periods: {
                start: string;
                /** @description points given for receipts and actions, less those returns took back */
                issued: number;
                /** @description points spent, less those refunded by returns */
                redeemed: number;
                expired: number;
                /** @description points added by hand less those taken */
                adjusted: number;
                /** @description points given for referrals */
                referral: number;
            }[];
            /** @description points held now by the month they expire, from this month on */
            expiring: {
                /** @description YYYY-MM */
                month: string;
                points: number;
                kopecks: number;
            }[];
        };
        Segment: {
            code: string;
            name: string;
            description: string;
            /** @enum {string} */
            kind: "dynamic" | "static";
            /** @description the SegmentRule; null for a static segment */
            rule?: unknown;
            /** @description raised by each change */
            version: number;
            /** @description members at the last refresh */
            size: number;
            refreshedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        Kpis: {
            from: string;
            to: string;
            /** @enum {string} */
            group: "day" | "week" | "month";
            filters: {
                store: string | null;
                channel: string | null;
                tier: string | null;
                segment: string | null;
                source: string | null;
            };
            members: {
                /** @description joined before the period ended */
                total: number;
                new: number;
            };
            totals: {
                receipts: {
                    all: number;
                    members: number;
                    anonymous: number;
                };
                /** @description kopecks: the receipts’ totals */
                revenue: {
                    all: number;
                    members: number;
                    anonymous: number;
                };
                /** @description members' share of receipts and of revenue */
                participation: {
                    /** @description 0–1; null when there is nothing to share */
                    receipts: number | null;
                    /** @description 0–1; null when there is nothing to share */
                    revenue: number | null;
                };
                /** @description kopecks per receipt */
                averageCheck: {
                    members: number | null;
                    anonymous: number | null;
                };
                /** @description members with a receipt in the period */
                activeMembers: number;
                /** @description receipts per active member */
                frequency: number | null;
                /** @description share of active members with two receipts or more */
                repeatRate: number | null;
                newMembers: number;
            };
            /** @description of the members active in the period before, the share not active in this one */
            churnRate: number | null;
            previous: {
                receipts: {
                    all: number;
                    members: number;
                    anonymous: number;
                };
                /** @description kopecks: the receipts’ totals */
                revenue: {
                    all: number;
                    members: number;
                    anonymous: number;
                };
                /** @description members' share of receipts and of revenue */
                participation: {
                    /** @description 0–1; null when there is nothing to share */
                    receipts: number | null;
                    /** @description 0–1; null when there is nothing to share */
                    revenue: number | null;
                };
                /** @description kopecks per receipt */
                averageCheck: {
                    members: number | null;
                    anonymous: number | null;
                };
                /** @description members with a receipt in the period */
                activeMembers: number;
                /** @description receipts per active member */
                frequency: number | null;
                /** @description share of active members with two receipts or more */
                repeatRate: number | null;
                newMembers: number;
                from: string;
                to: string;
                members: {
                    total: number;
                    new: number;
                };
                /** @description 0–1; null when there is nothing to share */
                churnRate: number | null;
            } | null;
            series: {
                receipts: {
                    all: number;
                    members: number;
                    anonymous: number;
                };
                /** @description kopecks: the receipts’ totals */
                revenue: {
                    all: number;
                    members: number;
                    anonymous: number;
                };
                /** @description members' share of receipts and of revenue */
                participation: {
                    /** @description 0–1; null when there is nothing to share */
                    receipts: number | null;
                    /** @description 0–1; null when there is nothing to share */
                    revenue: number | null;
                };
                /** @description kopecks per receipt */
                averageCheck: {
                    members: number | null;
                    anonymous: number | null;
                };
                /** @description members with a receipt in the period */
                activeMembers: number;
                /** @description receipts per active member */
                frequency: number | null;
                /** @description share of active members with two receipts or more */
                repeatRate: number | null;
                newMembers: number;
                /** @description the first day of the day, ISO week or month */
                start: string;
            }[];
        };
        EmailChannel: {
            host: string;
            port: number;
            /** @description TLS from the first byte (port 465); otherwise STARTTLS when the server offers it */
            secure: boolean;
            user: string | null;
            /** @description the sender, e.g. "Копилка <bonus@shop.example.ru>" */
            from: string;
            /** Format: email */
            replyTo: string | null;
            /** @description sign mails with DKIM: the domain and the selector its public key is published under in DNS */
            dkim: {
                domain: string;
                selector: string;
            } | null;
        };
        EmailChannelInput: {
            host: string;
            port: number;
            /** @description TLS from the first byte (port 465); otherwise STARTTLS when the server offers it */
            secure: boolean;
            user?: string | null;
            /** @description the sender, e.g. "Копилка <bonus@shop.example.ru>" */
            from: string;
            /** Format: email */
            replyTo?: string | null;
            dkim?: {
                domain: string;
                selector: string;
                /** @description the private key in PEM, kept sealed; left out, the one set before stays */
                privateKey?: string;
            } | null;
            /** @description kept sealed; left out, the one set before stays */
            password?: string | null;
        };
        SmsChannel: {
            host: string;
            /** @description usually 2775, or 3550 over TLS */
            port: number;
            /** @description SMPP over TLS */
            tls: boolean;
            /** @description the account’s system_id */
            systemId: string;
            /** @description the sender members see: an alphanumeric name registered with the operator, or a number */
            sourceAddr: string;
        };
        SmsChannelInput: {
            host: string;
            /** @description usually 2775, or 3550 over TLS */
            port: number;
            /** @description SMPP over TLS */
            tls: boolean;
            /** @description the account’s system_id */
            systemId: string;
            /** @description the sender members see: an alphanumeric name registered with the operator, or a number */
            sourceAddr: string;
            /** @description the account’s password, kept sealed; left out, the one set before stays */
            password?: string | null;
        };
        SmsGateway: {
            /** @enum {string} */
            method: "GET" | "POST";
            /**
             * Format: uri
             * @description the gateway’s address, naming where the values go: `{{to}}` (the number, digits), `{{text}}`, `{{from}}` (the sender), `{{id}}` (the message’s id); URL-encoded
             */
            url: string;
            /** @description by POST, the body with the same placeholders, encoded as its content type needs */
            body: string | null;
            /**
             * @description of the body: JSON (values escaped as JSON strings) or a form (URL-encoded)
             * @enum {string}
             */
            contentType: "json" | "form";
            /** @description the sender members see: an alphanumeric name registered with the operator, or a number */
            sourceAddr: string;
        };
        SmsGatewayInput: {
            /** @enum {string} */
            method: "GET" | "POST";
            /**
             * Format: uri
             * @description the gateway’s address, naming where the values go: `{{to}}` (the number, digits), `{{text}}`, `{{from}}` (the sender), `{{id}}` (the message’s id); URL-encoded
             */
            url: string;
            /**
             * @description by POST, the body with the same placeholders, encoded as its content type needs
             * @default null
             */
            body: string | null;
            /**
             * @description of the body: JSON (values escaped as JSON strings) or a form (URL-encoded)
             * @default json
             * @enum {string}
             */
            contentType: "json" | "form";
            /** @description the sender members see: an alphanumeric name registered with the operator, or a number */
            sourceAddr: string;
            /** @description the account’s header line, e.g. `Authorization: Bearer …`, kept sealed; left out, the one set before stays */
            header?: string | null;
        };
        PushChannel: components["schemas"]["PushChannelInput"] & {
            /** @description the VAPID public key (base64url) browsers subscribe with as `applicationServerKey` */
            publicKey: string;
        };
        PushChannelInput: {
            /** @description who push services may write to about the programme’s pushes: a mailto: address or an https: URL */
            subject: string;
        };
        MessageTemplate: {
            code: string;
            /**
             * @description `email`, `sms` (text only, cut into parts when long), `push` (the subject its title, the text its body), or `inbox`: the in-app inbox the member’s app reads, without HTML
             * @enum {string}
             */
            channel: "email" | "sms" | "push" | "inbox";
            /**
             * @description the event it answers, which decides the variables it may use
             * @enum {string}
             */
            event: "broadcast" | "member.birthday" | "member.lapsed" | "purchase.due" | "points.digest" | "member.created" | "receipt.confirmed" | "points.expiring" | "points.adjusted" | "tier.changed" | "tier.at_risk" | "coupon.issued" | "referral.rewarded";
            subject: {
                ru: string;
                en?: string;
            };
            text: {
                ru: string;
                en?: string;
            };
            html: {
                ru: string;
                en?: string;
            } | null;
            /** @description the MJML the HTML was made from, when it was */
            mjml: {
                ru: string;
                en?: string;
            } | null;
            updatedAt: string;
        };
        MessageTemplateInput: {
            /**
             * @description `email`, `sms` (text only, cut into parts when long), `push` (the subject its title, the text its body), or `inbox`: the in-app inbox the member’s app reads, without HTML
             * @enum {string}
             */
            channel: "email" | "sms" | "push" | "inbox";
            /**
             * @description the event it answers, or `broadcast`
             * @enum {string}
             */
            event: "broadcast" | "member.birthday" | "member.lapsed" | "purchase.due" | "points.digest" | "member.created" | "receipt.confirmed" | "points.expiring" | "points.adjusted" | "tier.changed" | "tier.at_risk" | "coupon.issued" | "referral.rewarded";
            subject: {
                ru: string;
                en?: string;
            };
            text: {
                ru: string;
                en?: string;
            };
            html?: {
                ru: string;
                en?: string;
            } | null;
            /** @description the HTML written in MJML instead: made into HTML at save, refused with every problem if the validator finds any */
            mjml?: {
                ru: string;
                en?: string;
            } | null;
        };
        MessagePreview: {
            /** @enum {string} */
            language: "ru" | "en";
            subject: string | null;
            text: string | null;
            html: string | null;
        };
        TestMessage: {
            to: string;
            subject: string | null;
            text: string | null;
        };
        MessageTrigger: {
            code: string;
            /** @enum {string} */
            event: "member.birthday" | "member.lapsed" | "purchase.due" | "points.digest" | "member.created" | "receipt.confirmed" | "points.expiring" | "points.adjusted" | "tier.changed" | "tier.at_risk" | "coupon.issued" | "referral.rewarded";
            template: string;
            /**
             * @description marketing needs the member’s consent on the channel and waits out quiet hours
             * @enum {string}
             */
            kind: "marketing" | "transactional";
            enabled: boolean;
            delayMinutes: number;
            /** @description of `member.birthday`: days before the birthday (0–60); of `member.lapsed`: days since the last purchase (1–730) */
            days: number | null;
            /** @description what its messages are about; a member who muted the topic does not get them */
            topic: string | null;
            /** @description only members of this segment; null for any */
            segment: string | null;
            /** @description only members of these tiers; empty for any */
            tiers: string[];
            /** @description templates on other channels, in order of preference, for a member the first cannot reach (no consent, no address); what cannot go on one channel when it is sent moves to the next */
            fallbacks: string[];
            /** @description its own frequency: at most one of its messages to a member in so many days */
            onceInDays: number | null;
            updatedAt: string;
        };
        MessageTriggerInput: {
            /** @enum {string} */
            event: "member.birthday" | "member.lapsed" | "purchase.due" | "points.digest" | "member.created" | "receipt.confirmed" | "points.expiring" | "points.adjusted" | "tier.changed" | "tier.at_risk" | "coupon.issued" | "referral.rewarded";
            template: string;
            /**
             * @description marketing needs the member’s consent on the channel and waits out quiet hours
             * @enum {string}
             */
            kind: "marketing" | "transactional";
            enabled: boolean;
            /** @default 0 */
            delayMinutes: number;
            /**
             * @description of `member.birthday`: days before the birthday (0–60); of `member.lapsed`: days since the last purchase (1–730)
             * @default null
             */
            days: number | null;
            /**
             * @description what its messages are about; a member who muted the topic does not get them
             * @default null
             */
            topic: string | null;
            /**
             * @description only members of this segment; null for any
             * @default null
             */
            segment: string | null;
            /**
             * @description only members of these tiers; empty for any
             * @default []
             */
            tiers: string[];
            /**
             * @description templates on other channels, in order of preference, for a member the first cannot reach (no consent, no address); what cannot go on one channel when it is sent moves to the next
             * @default []
             */
            fallbacks: string[];
            /**
             * @description its own frequency: at most one of its messages to a member in so many days
             * @default null
             */
            onceInDays: number | null;
        };
        LoggedMessage: {
            id: string;
            memberId: string;
            /** @description `trigger:CODE` or `broadcast:CODE` */
            origin: string;
            /**
             * @description `email`, `sms` (text only, cut into parts when long), `push` (the subject its title, the text its body), or `inbox`: the in-app inbox the member’s app reads, without HTML
             * @enum {string}
             */
            channel: "email" | "sms" | "push" | "inbox";
            /** @enum {string} */
            kind: "marketing" | "transactional";
            template: string;
            to: string | null;
            subject: string | null;
            /** @description the broadcast’s variant, A to E; null in the control group */
            variant: string | null;
            /**
             * @description `control`: held back to measure the broadcast against
             * @enum {string}
             */
            status: "queued" | "sent" | "failed" | "bounced" | "skipped" | "control";
            /** @description why it was skipped, failed or bounced, or why the last attempt did not go */
            reason: string | null;
            attempts: number;
            createdAt: string;
            /** @description when it goes, or went: after the delay and any quiet hours */
            dueAt: string;
            sentAt: string | null;
            openedAt: string | null;
            clickedAt: string | null;
            unsubscribedAt: string | null;
            /** @description an SMS: the parts it went in */
            parts: number | null;
            /**
             * @description an SMS: delivered once the SMSC reported every part delivered, undelivered once it reported one lost; null until then
             * @enum {string|null}
             */
            delivery: "delivered" | "undelivered" | null;
            deliveredAt: string | null;
        };
        Broadcast: {
            code: string;
            name: string;
            segment: string;
            /** @description what it is about; a member who muted the topic does not get it */
            topic: string;
            /** @description the template of each variant, A to E */
            variants: string[];
            /** @description the share of the audience held back to compare against */
            controlPercent: number;
            sendAt: string;
            /** @enum {string} */
            status: "scheduled" | "planned" | "cancelled";
            plannedAt: string | null;
            /** @description the segment’s members when it was planned */
            audience: number | null;
            createdAt: string;
            updatedAt: string;
        };
        BroadcastInput: {
            name: string;
            segment: string;
            /** @default offers */
            topic: string;
            /** @description one to 5 templates written for broadcasts, split evenly */
            variants: string[];
            /**
             * @description 0–50% of the reachable audience get nothing, by a hash of broadcast and member
             * @default 10
             */
            controlPercent: number;
            /**
             * Format: date-time
             * @description left out, at once; in quiet hours, at their end
             */
            sendAt?: string | null;
        };
        MessageResults: {
            /** @description a purchase within this many days after the message was due counts */
            conversionDays: number;
            groups: {
                /** @description A to E, or null for the control group */
                variant: string | null;
                members: number;
                /** @description waiting to go: for quiet hours to end, a cap’s next day, another try */
                queued: number;
                sent: number;
                /** @description known to have arrived: an SMS whose every part the SMSC reported delivered (none through an HTTP gateway, which reports nothing); an e-mail or push the receiving server or push service took */
                delivered: number;
                /** @description failed or bounced */
                failed: number;
                skipped: number;
                opened: number;
                clicked: number;
                unsubscribed: number;
                /** @description members who bought within the window */
                converted: number;
                /** @description what they paid in the window, kopecks */
                revenue: number;
                /** @description the sum over members of their revenue squared, for the interval */
                revenueSquares: number;
                /** @description the group less the control group, with the 95% interval */
                conversionLift: {
                    difference: number;
                    low: number;
                    high: number;
                } | null;
                /** @description the group less the control group, with the 95% interval */
                revenueLift: {
                    difference: number;
                    low: number;
                    high: number;
                } | null;
            }[];
        };
        MessagePreferences: {
            /** @description topics of broadcasts and triggers the member wants nothing about */
            mutedTopics: string[];
            /** @description at most this many marketing messages a week (Monday to Sunday); null for no limit of their own */
            weeklyMax: number | null;
        };
        InboxMessage: {
            id: string;
            subject: string | null;
            text: string | null;
            sentAt: string;
            readAt: string | null;
        };
        PushSubscribed: {
            endpoint: string;
            createdAt: string;
        };
        PushSubscription: {
            /**
             * Format: uri
             * @description the push service’s address for this browser (https)
             */
            endpoint: string;
            keys: {
                p256dh: string;
                auth: string;
            };
            /** @description as the browser gives it; not used */
            expirationTime?: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: components["schemas"]["Staff"];
                        /** @description send it as x-csrf-token with every request that changes something */
                        csrfToken: string;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description signed in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProgramme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the programme */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        version: number;
                        settings: components["schemas"]["Settings"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description the new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        settings: components["schemas"]["Settings"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the stores */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Store"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the store */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StoreInput"];
            };
        };
        responses: {
            /** @description the store */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Store"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the partners */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["Partner"] & {
                            stores: string[];
                        })[];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerInput"];
            };
        };
        responses: {
            /** @description the partner */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    runJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: "activation" | "expiry" | "expiry-notice" | "referrals" | "segments" | "day-sums" | "tier-review" | "birthdays" | "idempotency" | "event-retention" | "daily-totals" | "segment-refresh";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description what the job did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        job: string;
                        members: number;
                        changed: number;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ScheduledJob"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    findMembers: {
        parameters: {
            query?: {
                phone?: string;
                email?: string;
                externalId?: string;
                cardNumber?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"] | components["schemas"]["MemberSummary"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enrolMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retry with the same key gets the first answer */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewMember"];
            };
        };
        responses: {
            /** @description the new member and card */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        member: components["schemas"]["Member"] | components["schemas"]["MemberSummary"];
                        cards: components["schemas"]["Card"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchMembers: {
        parameters: {
            query: {
                name: string;
                /** @description the `next` of an earlier page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Member"][];
                        next: string | null;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the member with their cards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Member"] & {
                        cards: components["schemas"]["Card"][];
                    }) | (components["schemas"]["MemberSummary"] & {
                        cards: components["schemas"]["Card"][];
                    });
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberPatch"];
            };
        };
        responses: {
            /** @description the member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"] | components["schemas"]["MemberSummary"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the consents and their records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consents: {
                            email: boolean;
                            sms: boolean;
                            push: boolean;
                        };
                        records: components["schemas"]["ConsentRecord"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the member as they are now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the balance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Balance"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the open lots */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Lot"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHistory: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryItem"][];
                        next: string | null;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adjustPoints: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retry with the same key gets the first answer */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Adjustment"];
            };
        };
        responses: {
            /** @description the adjustment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entryId: string;
                        points: number;
                        balance: components["schemas"]["Balance"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTierHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TierChange"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    number?: string;
                };
            };
        };
        responses: {
            /** @description the card */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the card */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Card"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blockCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** @default false */
                    replace?: boolean;
                    replaceWith?: string;
                };
            };
        };
        responses: {
            /** @description the blocked card and its replacement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        blocked: components["schemas"]["Card"];
                        replacement: components["schemas"]["Card"] & (Record<string, never> | null);
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    calculateReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Receipt"];
            };
        };
        responses: {
            /** @description what the receipt would earn and may spend */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calculation"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    findReceipts: {
        parameters: {
            query?: {
                storeCode?: string;
                number?: string;
                memberId?: string;
                from?: string;
                to?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReceiptSummary"][];
                        next: string | null;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmReceipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retry with the same key gets the first answer */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Receipt"];
            };
        };
        responses: {
            /** @description the confirmed receipt and the new balance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfirmedReceipt"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptBatch"];
            };
        };
        responses: {
            /** @description one answer per receipt, in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptBatchResult"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredReceipt"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    returnLines: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retry with the same key gets the first answer */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Return"];
            };
        };
        responses: {
            /** @description what was reversed and the new balance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnResult"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelReceipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retry with the same key gets the first answer */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description what was reversed and the new balance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnResult"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the rule set in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        rules: components["schemas"]["Rules"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description the published version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        rules: components["schemas"]["Rules"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRuleVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RuleVersion"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRuleVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        actor: string;
                        at: string;
                        rules: components["schemas"]["Rules"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRuleCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleCatalogue"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        items: ((components["schemas"]["Campaign"] & {
                            budgetLeft: {
                                points: number;
                                /** @description kopecks */
                                discount: number;
                            } | null;
                        }) & {
                            given: {
                                points: number;
                                /** @description kopecks */
                                discount: number;
                                receipts: number;
                            };
                        })[];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"] & {
                        budgetLeft: {
                            points: number;
                            /** @description kopecks */
                            discount: number;
                        } | null;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description the published version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        rules: components["schemas"]["Rules"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the published version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        rules: components["schemas"]["Rules"];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Category"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default null */
                    parent?: string | null;
                };
            };
        };
        responses: {
            /** @description the category */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulateRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Simulation"];
            };
        };
        responses: {
            /** @description the receipt as the draft would price it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calculation"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    backtestRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Backtest"];
            };
        };
        responses: {
            /** @description the comparison */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacktestReport"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readAudit: {
        parameters: {
            query?: {
                /** @description campaign, rule_set, settings, store, key, member, card, adjustment... */
                entity?: string;
                entityId?: string;
                /** @description part of the actor: a key or staff id, or a name */
                actor?: string;
                from?: string;
                to?: string;
                /** @description the `next` of an earlier page */
                before?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description audit records, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditRecord"][];
                        next: string | null;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Action"];
            };
        };
        responses: {
            /** @description what the action earned */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordActionAtFormerPath: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Action"];
            };
        };
        responses: {
            /** @description what the action earned */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReferralCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReferrals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the referral tree */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Referral"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readEventFeed: {
        parameters: {
            query?: {
                /** @description the `seq` of the last event seen (0: from the start) */
                after?: number | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Event"][];
                        /** @description the newest position in the feed */
                        last: number;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookInput"];
            };
        };
        responses: {
            /** @description the subscription and its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"] & {
                        secret: string;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookChange"];
            };
        };
        responses: {
            /** @description the subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookReplay"];
            };
        };
        responses: {
            /** @description how many events will be sent again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queued: number;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCouponBatches: {
        parameters: {
            query?: {
                campaign?: string;
                /** @description the `next` of an earlier page */
                before?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of batches */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CouponBatchSummary"][];
                        next: string | null;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCouponBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retry with the same key gets the first answer */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CouponBatchInput"];
            };
        };
        responses: {
            /** @description the batch */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponBatch"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCoupons: {
        parameters: {
            query?: {
                batch?: string;
                campaign?: string;
                memberId?: string;
                /** @description the last code of the previous page */
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of coupons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Coupon"][];
                        next: string | null;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportCoupons: {
        parameters: {
            query: {
                batch: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a header row, then one row per coupon */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the coupon */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyInput"];
            };
        };
        responses: {
            /** @description the new key and its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"] & {
                        /** @description shown once */
                        secret: string;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffMember"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffInput"];
            };
        };
        responses: {
            /** @description the account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"] & {
                        /** @description one-time: shown once, to be changed at first sign-in */
                        password: string;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOverview: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overview"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLifetimeValue: {
        parameters: {
            query: {
                /** @description first day of the cohort */
                from: string;
                /** @description the day after the cohort */
                to: string;
                /** @description the day the histories end (exclusive); default today */
                until?: string;
                /** @description forecast horizon */
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the fit and the forecast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LifetimeValue"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRfmGrid: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the grid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RfmGrid"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNps: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                group?: "day" | "week" | "month";
                store?: string;
                /** @description also the period of the same length before */
                compare?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the scores */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NpsReport"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPointsReport: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                group?: "day" | "week" | "month";
                /** @description months of the expiry forecast, this one included */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PointsReport"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSegments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the segments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Segment"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSegmentFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the fields; custom attributes are attribute.<name> */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            field: string;
                            type: string;
                            operators: string[];
                            /** @enum {string} */
                            window: "required" | "optional" | "none";
                            values: string[] | null;
                            refers: string | null;
                            title: {
                                ru: string;
                                en: string;
                            };
                        }[];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewSegment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the segment being edited, so a rule naming it is refused as a loop */
                    code?: string;
                    /** @description a SegmentRule (see the component) */
                    rule: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description the count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: number;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the segment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"] & {
                        history: {
                            at: string;
                            size: number;
                            entered: number;
                            departed: number;
                        }[];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentInput"];
            };
        };
        responses: {
            /** @description the segment as saved, with its size */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the movement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        size: number;
                        entered: number;
                        departed: number;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importSegmentMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: number;
                        matched: number;
                        members: number;
                        unmatched: {
                            row: number;
                            value: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportSegmentMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a header row, then one row per member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKpis: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                group?: "day" | "week" | "month";
                compare?: "true" | "false";
                /** @description receipts at this store */
                store?: string;
                /** @description receipts through stores of this channel; members by their sign-up channel */
                channel?: "till" | "online" | "app" | "partner";
                /** @description receipts of members in this tier at the sale; members in it now */
                tier?: string;
                /** @description members of this segment (anonymous receipts left out) */
                segment?: string;
                /** @description members of this acquisition source (anonymous receipts left out) */
                source?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kpis"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRetention: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                /** @description members of this segment (anonymous receipts left out) */
                segment?: string;
                /** @description members of this acquisition source (anonymous receipts left out) */
                source?: string;
                /** @description receipts through stores of this channel; members by their sign-up channel */
                channel?: "till" | "online" | "app" | "partner";
                /** @description receipts of members in this tier at the sale; members in it now */
                tier?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the triangle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        cohorts: {
                            /** @description YYYY-MM */
                            cohort: string;
                            size: number;
                            buyers: number[];
                            retention: (number | null)[];
                        }[];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignResults: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        pointValue: number;
                        campaigns: {
                            campaign: string;
                            name: string | null;
                            receipts: number;
                            actions: number;
                            members: number;
                            points: number;
                            discount: number;
                            cost: number;
                            revenue: number;
                            couponsIssued: number;
                            couponsRedeemed: number;
                            /** @description 0–1; null when there is nothing to share */
                            couponConversion: number | null;
                        }[];
                        personalOffers: {
                            coupons: {
                                issued: number;
                                used: number;
                            };
                            audiences: {
                                campaign: string;
                                audience: number;
                                reached: number;
                            }[];
                            /** @description 0–1; null when there is nothing to share */
                            usedShare: number | null;
                        };
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSourceResults: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the sources */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        sources: {
                            source: string | null;
                            channel: string | null;
                            joined: number;
                            buyers: number;
                            repeaters: number;
                            /** @description 0–1; null when there is nothing to share */
                            retention: number | null;
                            active: number;
                            receipts: number;
                            revenue: number;
                        }[];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmailChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the channel, or null when none is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailChannel"] & ({
                        password: boolean;
                    } | null);
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setEmailChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailChannelInput"];
            };
        };
        responses: {
            /** @description the channel, without the password */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailChannel"] & {
                        /** @description whether a password is set */
                        password: boolean;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSmsChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the channel, or null when none is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsChannel"] & ({
                        password: boolean;
                    } | null);
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSmsChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsChannelInput"];
            };
        };
        responses: {
            /** @description the channel, without the password */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsChannel"] & {
                        /** @description whether a password is set */
                        password: boolean;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSmsGateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the gateway, or null when none is set (or the SMS go through an SMSC) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsGateway"] & ({
                        header: boolean;
                    } | null);
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSmsGateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsGatewayInput"];
            };
        };
        responses: {
            /** @description the gateway, without the header */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsGateway"] & {
                        /** @description whether a header is set */
                        header: boolean;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPushChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the channel, or null when none is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushChannel"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPushChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushChannelInput"];
            };
        };
        responses: {
            /** @description the channel, with the public key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushChannel"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setMessageTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageTemplateInput"];
            };
        };
        responses: {
            /** @description the template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTemplate"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessageTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        templates: components["schemas"]["MessageTemplate"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewMessageTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    memberId?: string;
                    /**
                     * @description else the member’s own
                     * @enum {string}
                     */
                    language?: "ru" | "en";
                };
            };
        };
        responses: {
            /** @description the message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePreview"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendTestMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description by e-mail an address, by SMS a mobile number, by push the id of a member (a member of staff who subscribed) */
                    to: string;
                    /** @description write it out for this member; else for the sample one */
                    memberId?: string;
                    /** @enum {string} */
                    language?: "ru" | "en";
                };
            };
        };
        responses: {
            /** @description sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestMessage"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setMessageTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageTriggerInput"];
            };
        };
        responses: {
            /** @description the trigger */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTrigger"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessageTriggers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the triggers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        triggers: components["schemas"]["MessageTrigger"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    messageLog: {
        parameters: {
            query?: {
                memberId?: string;
                /** @description `control`: held back to measure the broadcast against */
                status?: "queued" | "sent" | "failed" | "bounced" | "skipped" | "control";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: components["schemas"]["LoggedMessage"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setBroadcast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BroadcastInput"];
            };
        };
        responses: {
            /** @description the broadcast */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Broadcast"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBroadcasts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the broadcasts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        broadcasts: components["schemas"]["Broadcast"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelBroadcast: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the broadcast, cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Broadcast"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    broadcastResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResults"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    triggerResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageResults"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMessagePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePreferences"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setMessagePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessagePreferences"];
            };
        };
        responses: {
            /** @description the preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePreferences"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    memberInbox: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the inbox */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unread: number;
                        messages: components["schemas"]["InboxMessage"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markInboxMessageRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the message, read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxMessage"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    memberPushSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description null while the programme has no push channel */
                        publicKey: string | null;
                        subscriptions: components["schemas"]["PushSubscribed"][];
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    subscribeMemberToPush: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscription"];
            };
        };
        responses: {
            /** @description kept */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscribed"];
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribeMemberFromPush: {
        parameters: {
            query?: {
                endpoint?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description forgotten */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description whether any was kept */
                        forgotten: boolean;
                    };
                };
            };
            /** @description malformed JSON or a field that fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a member, card, store or receipt that does not exist in this programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description conflicts with an earlier request or an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is larger than the limit (1 MB; 8 MB for a batch) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description valid request the programme refuses (e.g. insufficient_points) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description heavy work (a backtest, an export) of this programme is already running; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the database is unavailable, or the programme is still loading its history; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
