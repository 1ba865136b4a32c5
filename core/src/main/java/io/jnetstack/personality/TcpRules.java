package io.jnetstack.personality;

/**
 * Where an OS's TCP decides differently on resets and closes (facts and sources in docs/research/tcp-closing.md).
 *
 * @param resetOnUnreadData        close() with received data unread aborts with RST,ACK instead of a FIN (RFC 2525
 *                                 §2.17; Linux __tcp_close, XNU tcp_usrclosed path) — the other BSDs flush and FIN
 * @param resetOnOrphanTimeout     an orphaned FIN-WAIT-2 that times out sends a RST (XNU tcp_timers → tcp_drop)
 *                                 rather than vanishing silently
 * @param rfc5961Reset             an in-window RST not exactly at RCV.NXT draws a challenge ACK (RFC 5961 §3.2);
 *                                 false: OpenBSD's tcp_input, which takes a RST at RCV.NXT, RCV.NXT + 1 or
 *                                 last_ack_sent and silently drops any other
 * @param timeWaitResetCloses      an acceptable RST ends TIME-WAIT ("assassination": Linux with tcp_rfc1337 = 0,
 *                                 OpenBSD); false: it is ignored as RFC 1337 advises (FreeBSD tcp_twcheck, XNU)
 * @param timeWaitChallengesReset  an in-window but inexact RST in TIME-WAIT draws a challenge ACK (XNU); false: it is
 *                                 dropped silently
 * @param timeWaitReuseOnBoundConnect a connect from a bound port whose four-tuple is in TIME-WAIT takes the tuple over
 *                                 when that connection used timestamps (Linux __inet_hash_connect → check_established
 *                                 with twp == NULL, so tcp_twsk_unique reuses it whatever tcp_tw_reuse says; the
 *                                 new ISS is the old SND.NXT + 65537); false: the tuple is in use (BSD in_pcbconnect,
 *                                 E5)
 */
public record TcpRules(boolean resetOnUnreadData, boolean resetOnOrphanTimeout, boolean rfc5961Reset,
        boolean timeWaitResetCloses, boolean timeWaitChallengesReset, boolean timeWaitReuseOnBoundConnect) {}
