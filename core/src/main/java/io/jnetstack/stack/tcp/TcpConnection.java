package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.CongestionAlgorithm;
import io.jnetstack.personality.IcmpClass;
import io.jnetstack.personality.IcmpDisposition;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.SynRetransmission;
import io.jnetstack.stack.tcp.cc.CongestionControl;
import io.jnetstack.stack.tcp.cc.CongestionControls;
import io.jnetstack.wire.tcp.TcpHeader;
import io.jnetstack.wire.tcp.TcpOption;
import java.util.ArrayDeque;

/**
 * One TCP connection (RFC 9293), sans-IO: {@link #onSegment} and {@link #onTimer} take segments and time in; the
 * segments to send come out of {@link #pollOutput} and the facts for the socket layer out of {@link #pollEvent};
 * {@link #nextDeadlineNs} says when the connection next needs {@link #onTimer}.
 *
 * <p>This class holds the transmission control block — variables named as in RFC 9293 §3.3.1 (SND.UNA, SND.NXT,
 * SND.WND, RCV.NXT, RCV.WND, ISS, IRS), package-private so the rule classes of this package can work on them: {@link
 * SynSentInput}, {@link SynchronizedInput} and {@link TimeWaitInput} (segment arrival), {@link Sender} (output,
 * retransmission, persist), {@link Recovery} (duplicate ACKs, SACK and NewReno recovery), {@link Receiver}
 * (acceptability, text, FIN, delayed ACKs, window), {@link Closer} (the user's CLOSE and ABORT), {@link KeepAlive} and
 * {@link Segments} (building what goes out).
 */
public final class TcpConnection {
    /** RFC 9293 §3.7.1 / RFC 6691: the MSS to assume when the peer's SYN carries none (IPv4). */
    static final int DEFAULT_PEER_MSS = 536;
    static final long MS = 1_000_000L;
    /** RFC 7323 §3: the timestamps option with its two NOPs takes 12 bytes of every segment. */
    static final int TS_OPTION_BYTES = 12;
    /**
     * RFC 2385: the MD5 signature option with the two NOPs before it takes 20 bytes of every segment of a signing
     * connection (FreeBSD tcp_addoptions pads it to 2 modulo 4 after 0 or 12 bytes of timestamps).
     */
    static final int SIGNATURE_OPTION_BYTES = 20;

    final Personality personality;
    /** The personality's TCP values, read once per connection (they are constant, and asked for per segment). */
    final io.jnetstack.personality.AckPolicy ackPolicy;
    final io.jnetstack.personality.TcpTimers timers;
    final io.jnetstack.personality.TcpBuffers buffers;
    final io.jnetstack.personality.TcpRules rules;
    final io.jnetstack.personality.TcpStateRules stateRules;
    final io.jnetstack.personality.RetransmissionLimit retransmissionLimit;
    final int localPort;
    final int remotePort;
    final int mss;
    final int tsOffset;
    private final ArrayDeque<TcpSegment> outbox = new ArrayDeque<>();
    private long scheduledNs = Long.MAX_VALUE;
    private final ArrayDeque<TcpEvent> events = new ArrayDeque<>();
    final ByteRing received;
    final ByteRing sendBuffer;
    final ReassemblyQueue outOfOrder = new ReassemblyQueue();
    final RttEstimator rtt;
    final TcpStats stats = new TcpStats();
    TcpState state;
    /** The state timer: SYN retransmission and give-up, TIME-WAIT, orphaned FIN-WAIT-2. */
    long deadlineNs = Long.MAX_VALUE;
    /** The retransmission timer (RFC 6298), also the persist timer while probing a zero window. */
    long retransmitAtNs = Long.MAX_VALUE;
    /** The delayed-ACK timer (RFC 1122 §4.2.3.2). */
    long delackAtNs = Long.MAX_VALUE;

    int iss;
    int irs;
    int sndUna;
    int sndNxt;
    /** The highest sequence number sent (BSD snd_max): SND.NXT falls back to SND.UNA on a timeout, this does not. */
    int sndMax;
    int sndWnd;
    int sndWl1;
    int sndWl2;
    int maxSndWnd;
    int rcvNxt;
    /** The acknowledgment number of the last segment sent (BSD last_ack_sent). */
    int lastAckSent;
    /** The right edge of the window we last advertised (RCV.NXT + RCV.WND as sent): it never moves left. */
    int rcvAdv;
    /** RCV.NXT unwrapped to 64 bits, for the reassembly queue's ordering. */
    long rcvNxtAbs;
    /** Where the peer's FIN sits (unwrapped) when it arrived ahead of missing text; -1 when none is pending. */
    long peerFinAbs = -1;
    int dupAcks;
    int peerMss = DEFAULT_PEER_MSS;
    /**
     * The IP header's size towards the peer (20 or 40) when segments are built into datagrams by the stack: data
     * segments then carry their payload behind that much room plus the TCP header's; 0 when not known.
     */
    int ipHeaderRoom;
    /** The outgoing link's TCP segmentation offload (the longest datagram it cuts up itself), 0 without. */
    int segmentOffload;
    int sndShift;
    int rcvShift;
    boolean timestamps;
    int tsRecent;
    TcpEvent softError;
    /** The ICMP message that last set {@link #softError} or ended the connection (null: none, or not known). */
    IcmpError lastIcmp;
    /** net.inet.tcp.icmp_may_rst (BSD, XNU): whether an ICMP error may abort SYN-SENT at once. */
    private boolean icmpMayReset = true;
    /** When SYNs are sent and the attempt abandoned: the personality's, unless the socket overrode it. */
    SynRetransmission synSchedule;
    boolean timing;
    int timedSeq;
    long timedAtNs;
    /** Retransmissions since SND.UNA last advanced, and when the segment at SND.UNA was first sent. */
    int retransmissions;
    long firstRetransmitNs;
    /** The user asked for a FIN (CLOSE or shutdown for writing): it follows the last byte of the send buffer. */
    boolean finQueued;
    /** Our FIN has been acknowledged. */
    boolean finAcked;
    /** The user closed the connection completely: nothing more will be read (an orphan, in Linux's word). */
    boolean userClosed;

    // ---- congestion control and loss recovery (RFC 5681, RFC 6582, RFC 6675) ----
    /** The algorithm to run: the personality's default unless TCP_CONGESTION chose another. */
    CongestionAlgorithm algorithm;
    /** Created when the connection is synchronized and the peer's MSS is known. */
    CongestionControl cc;
    /** Both sides offered SACK-permitted (RFC 2018 §2). */
    boolean sackOk;
    boolean windowScaling;
    /** RFC 3168: our last SYN asked for ECN; ECN was negotiated; the end of the data last sent marked ECT(0). */
    boolean ecnRequested;
    boolean ecn;
    private boolean ectMarked;
    private int ectMark;
    SackScoreboard scoreboard;
    SackBlocks sackBlocks;
    /** SND.UNA unwrapped to 64 bits (SeqSpace), for the scoreboard. */
    long sndUnaAbs;
    boolean inRecovery;
    /** RFC 6582 "recover" / RFC 6675 RecoveryPoint: SND.MAX when recovery or the last timeout began (unwrapped). */
    long recoverAbs;
    boolean recoverValid;
    /** RFC 6675 HighRxt, exclusive (one past the last retransmitted byte), and RescueRxt (-1: undefined). */
    long highRxtAbs;
    long rescueRxtAbs = -1;
    /** RFC 6582 without SACK: the inflated window that governs sending during recovery. */
    long recoveryWindow;
    /** The last output was held back by the congestion window (Linux tcp_is_cwnd_limited). */
    boolean cwndLimited;
    long lastSendNs = -1;
    /** The persist timer fired: the next output may send one byte into a zero window (RFC 9293 §3.8.6.1). */
    boolean forceProbe;
    /** TCP_NODELAY: no Nagle. */
    boolean noDelay;
    /** Where the last sub-MSS segment ended (Minshall's Nagle test). */
    int smallSentEnd;

    // ---- keep-alive (RFC 1122 §4.2.3.6) ----
    boolean keepAlive;
    long keepIdleNs;
    long keepIntervalNs;
    int keepCount;
    long keepAtNs = Long.MAX_VALUE;
    int keepProbes;
    long lastHeardNs;

    // ---- timestamps (RFC 7323), urgent data (RFC 9293 §3.8.5, RFC 6093), TCP_MAXSEG ----
    /** TS.Recent holds a value from the peer (RFC 7323 §5.3: PAWS compares against it). */
    boolean tsRecentValid;
    /** RCV.UP unwrapped: the sequence number just past the peer's urgent data; -1 when none was signalled. */
    long rcvUpAbs = -1;
    /** TCP_MAXSEG: the most payload per segment the application allows (0: no limit). */
    int userMss;

    // ---- what the SYN offers, and the socket's per-segment settings ----
    /** The MSS our next SYN offers: {@link #mss}, unless a path MTU report lowered it in SYN-SENT. */
    int synMss;
    /** The personality stopped offering window scale, timestamps and SACK in this connection's SYNs. */
    boolean synOptionsDropped;
    /** IP TTL and TOS of every segment, and TCP_NOOPT. */
    TcpOutputOptions output = TcpOutputOptions.DEFAULTS;
    /** TCP Fast Open (FreeBSD TF_FASTOPEN on an active open): the cookie our SYN carries; null: no TFO. */
    io.jnetstack.wire.ByteString fastOpenCookie;
    /** Where the SYN-ACK's Fast Open verdict goes while TF_FASTOPEN is set; null otherwise. */
    FastOpen.Path fastOpenPath;
    /** The server MSS the cookie cache held when the connection opened (0: none). */
    int fastOpenServerMss;
    /** Linux DEFER_CONNECT: in SYN-SENT with no SYN sent; the first write sends it ({@link #sendDeferredSyn}). */
    private boolean synDeferred;

    // ---- acknowledgment policy and the receive window ----
    int quickAcksLeft;
    int segmentsUnacked;
    /** Linux rcv_ssthresh: the advertised window grows toward the buffer a little with each full segment. */
    int windowClamp;
    long rcvSpaceStartNs = -1;
    long rcvSpaceCopied;
    /** The most the application read in one RTT so far (Linux rcvq_space.space). */
    long rcvSpaceLast;
    /** SYN-ACKs sent and when the first left (the passive side's handshake RTT sample, Karn's rule). */
    int synAcksSent;
    long firstSynAckNs;

    private TcpConnection(Personality personality, int localPort, int remotePort, int iss, int mss, int tsOffset) {
        this.personality = personality;
        this.ackPolicy = personality.ackPolicy();
        this.timers = personality.tcpTimers();
        this.buffers = personality.tcpBuffers();
        this.rules = personality.tcpRules();
        this.stateRules = personality.tcpStateRules();
        this.retransmissionLimit = personality.retransmissionLimit();
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.iss = iss;
        this.mss = mss;
        this.synMss = mss;
        this.tsOffset = tsOffset;
        this.received = new ByteRing(buffers.receiveInitial());
        this.sendBuffer = new ByteRing(buffers.sendInitial());
        this.windowClamp = buffers.gradualWindow()
                ? Math.min(personality.synWindow(mss), received.capacity()) : Integer.MAX_VALUE;
        this.quickAcksLeft = ackPolicy.quickAcks();
        this.rtt = new RttEstimator(personality.rto());
        this.algorithm = personality.congestionControl();
        this.keepIdleNs = timers.keepIdleNs();
        this.keepIntervalNs = timers.keepIntervalNs();
        this.keepCount = timers.keepCount();
        this.synSchedule = personality.synRetransmission();
    }

    /**
     * Active open (RFC 9293 §3.10.1, OPEN call in CLOSED state): sends the personality's SYN and enters SYN-SENT.
     *
     * @param iss      initial send sequence number (RFC 6528: the caller draws it)
     * @param mss      our MSS (route MTU minus IP and TCP headers)
     * @param tsOffset the per-connection offset added to the 1 kHz timestamp clock
     */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            long nowNs) {
        return connect(p, localPort, remotePort, iss, mss, tsOffset, p.synRetransmission(), nowNs);
    }

    /**
     * Active open with SYN schedule {@code r} in place of the personality's (TCP_SYNCNT, TCP_KEEPINIT,
     * TCP_CONNECTIONTIMEOUT set before connect()); otherwise as {@link #connect(Personality, int, int, int, int,
     * int, long)}.
     */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            SynRetransmission r, long nowNs) {
        return connect(p, localPort, remotePort, iss, mss, tsOffset, r, TcpOutputOptions.DEFAULTS, nowNs);
    }

    /** As {@link #connect(Personality, int, int, int, int, int, SynRetransmission, long)}, the SYN shaped by {@code out}. */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            SynRetransmission r, TcpOutputOptions out, long nowNs) {
        return connect(p, localPort, remotePort, iss, mss, tsOffset, r, out, null, nowNs);
    }

    /**
     * As {@link #connect(Personality, int, int, int, int, int, SynRetransmission, TcpOutputOptions, long)}, opened
     * by a TCP_FASTOPEN sendto ({@code fo}, or null for an ordinary connect): the data is queued first, so a SYN
     * carrying a cookie carries it too (RFC 7413 §3).
     */
    public static TcpConnection connect(Personality p, int localPort, int remotePort, int iss, int mss, int tsOffset,
            SynRetransmission r, TcpOutputOptions out, FastOpen fo, long nowNs) {
        TcpConnection c = new TcpConnection(p, localPort, remotePort, iss, mss, tsOffset);
        c.output = out;
        c.synSchedule = r;
        c.sndUna = iss;
        c.sndNxt = add(iss, 1);
        c.sndMax = c.sndNxt;
        if (fo != null) {
            c.sendBuffer.append(fo.data(), 0, fo.data().length);
            c.fastOpenCookie = fo.cookie();
            c.fastOpenPath = fo.cookie() == null ? null : fo.path();
            c.fastOpenServerMss = fo.serverMss();
        }
        if (fo != null && fo.deferred()) {
            c.synDeferred = true; // tcp_fastopen_defer_connect: SYN_SENT, no tcp_connect yet
            c.state = new TcpState.SynSent(nowNs, 0);
            c.deadlineNs = Long.MAX_VALUE;
            return c;
        }
        c.sendSyn(nowNs);
        return c;
    }

    private void sendSyn(long nowNs) {
        state = new TcpState.SynSent(nowNs, 1);
        Segments.syn(this, nowNs);
        deadlineNs = nowNs + (synSchedule.synCount() > 1 ? synSchedule.offsetNs(1) : synSchedule.giveUpNs());
    }

    /** Whether the SYN waits for the first write (Linux DEFER_CONNECT). */
    public boolean synDeferred() {
        return synDeferred;
    }

    /**
     * The first write on a deferred Fast Open connect (Linux tcp_sendmsg_fastopen → tcp_send_syn_data): as much of
     * {@code data[off, off+len)} as the SYN holds next to its options is queued and the SYN leaves carrying it with
     * the cached cookie. Returns the bytes the SYN carries (the caller queues the rest once connected).
     */
    public int sendDeferredSyn(byte[] data, int off, int len, long nowNs) {
        if (!synDeferred) {
            throw new IllegalStateException("no deferred SYN");
        }
        synDeferred = false;
        int n = Math.max(0, Math.min(len, Segments.synDataRoom(this, nowNs)));
        sendBuffer.append(data, off, n);
        sendSyn(nowNs);
        return n;
    }

    /**
     * Passive open: a SYN arrived at a LISTEN endpoint (RFC 9293 §3.10.7.2 "third check for a SYN"): records the
     * peer's options, answers with a SYN-ACK carrying those of ours the peer offered, and enters SYN-RECEIVED.
     */
    public static TcpConnection accept(Personality p, int localPort, int remotePort, TcpSegment syn, int iss, int mss,
            int tsOffset, long nowNs) {
        return accept(p, localPort, remotePort, syn, iss, mss, tsOffset, TcpOutputOptions.DEFAULTS, nowNs);
    }

    /**
     * As {@link #accept(Personality, int, int, TcpSegment, int, int, int, long)} for a listener whose socket set
     * {@code out} (the SYN-ACK and everything after carry it; TCP_NOOPT: a SYN-ACK without options and no
     * options negotiated, FreeBSD syncache).
     */
    public static TcpConnection accept(Personality p, int localPort, int remotePort, TcpSegment syn, int iss, int mss,
            int tsOffset, TcpOutputOptions out, long nowNs) {
        TcpConnection c = new TcpConnection(p, localPort, remotePort, iss, mss, tsOffset);
        c.output = out;
        c.irs = syn.header().seq();
        c.rcvNxt = add(c.irs, 1);
        c.rcvNxtAbs = SeqSpace.origin(c.rcvNxt);
        c.rcvAdv = add(c.rcvNxt, p.synWindow(mss)); // what our SYN-ACK offers
        c.sndUna = iss;
        c.sndNxt = add(iss, 1);
        c.sndMax = c.sndNxt;
        SynOptions.Offer offer = c.learnPeerOptions(syn.header(), c.ownOffer(SynOptions.Offer.ALL));
        c.updateWindow(syn.header(), false);
        c.state = new TcpState.SynReceived(true);
        c.acceptEcnSetup(syn.header());
        Segments.synAck(c, offer, nowNs);
        SynAckTimer.arm(c, nowNs);
        return c;
    }

    // ---- the user's calls (RFC 9293 §3.10.2–3.10.6) ----

    /**
     * Queues application data (RFC 9293 SEND call) and sends what the peer's window allows; returns how many
     * bytes were taken (0 when the send buffer is full, or the connection is in no state to send: only ESTABLISHED
     * and CLOSE-WAIT take data, and only until the user shuts the sending side).
     */
    public int send(byte[] data, int off, int len, long nowNs) {
        if (!TcpState.sendsText(state) || finQueued) {
            return 0;
        }
        int n = sendBuffer.append(data, off, len);
        Sender.output(this, nowNs);
        return n;
    }

    /**
     * Reads up to {@code max} received bytes (RFC 9293 RECEIVE call). When that opens the window from below one
     * MSS (or half the buffer) to at least that, a window update is sent (RFC 9293 §3.8.6.2.2, receiver-side silly
     * window avoidance).
     */
    public byte[] read(int max, long nowNs) {
        return Receiver.read(this, max, nowNs);
    }

    /** As {@link #read(int, long)}, into {@code into[off, off+len)}; returns the bytes read. */
    public int read(byte[] into, int off, int len, long nowNs) {
        return Receiver.read(this, into, off, len, nowNs);
    }

    /** A copy of up to {@code max} received bytes, left in the buffer (recv with MSG_PEEK): no window change. */
    public byte[] peek(int max) {
        return received.copy(0, Math.min(max, received.size()));
    }

    /**
     * The CLOSE call (RFC 9293 §3.10.4): the user will neither send nor read any more. A FIN follows the queued
     * data; a connection not yet synchronized simply goes away; with unread data the personality may abort instead.
     */
    public void close(long nowNs) {
        Closer.close(this, nowNs);
    }

    /** shutdown(SHUT_WR): a FIN follows the queued data, and reading continues (a half-close, RFC 9293 §3.6). */
    public void shutdownOutput(long nowNs) {
        Closer.shutdownOutput(this, nowNs);
    }

    /** The ABORT call (RFC 9293 §3.10.5): a RST to the peer when synchronized, then CLOSED at once. */
    public void abort(long nowNs) {
        Closer.abort(this, nowNs);
    }

    // ---- queries ----

    /** The current state. */
    public TcpState state() {
        return state;
    }

    /** Queues a segment to transmit (the rule classes build them; see {@link Segments}). */
    void enqueue(TcpSegment seg) {
        outbox.addLast(seg);
    }

    /** The next segment to transmit, or null. */
    public TcpSegment pollOutput() {
        return outbox.pollFirst();
    }

    /** The next fact for the socket layer, or null. */
    public TcpEvent pollEvent() {
        return events.pollFirst();
    }

    /** When {@link #onTimer} is next needed; {@link Long#MAX_VALUE} when no timer runs. */
    public long nextDeadlineNs() {
        return Math.min(Math.min(deadlineNs, retransmitAtNs), Math.min(delackAtNs, keepAtNs));
    }

    /** Bytes received in order and not yet read. */
    public int available() {
        return received.size();
    }

    /** True once the peer's FIN has been received in order: after {@link #available()} bytes, end of file. */
    public boolean peerClosed() {
        return switch (state) {
            case TcpState.CloseWait cw -> true;
            case TcpState.Closing cl -> true;
            case TcpState.LastAck la -> true;
            case TcpState.TimeWait tw -> true;
            case TcpState.Closed c -> false;
            case TcpState.SynSent ss -> false;
            case TcpState.SynReceived sr -> false;
            case TcpState.Established e -> false;
            case TcpState.FinWait1 f -> false;
            case TcpState.FinWait2 f -> false;
        };
    }

    /** Bytes written by the application and not yet acknowledged. */
    public int unacknowledged() {
        return sendBuffer.size();
    }

    /** Room left in the send buffer. */
    public int sendSpace() {
        return sendBuffer.space();
    }

    /** Bytes held beyond RCV.NXT waiting for a gap to fill. */
    public int heldOutOfOrder() {
        return outOfOrder.size();
    }

    /** A one-line summary of the sequence variables, for traces and test failures. */
    public String describe() {
        return String.format("%s una=%d nxt=%d max=%d wnd=%d rcv.nxt=%d rcv.wnd=%d unacked=%d rto=%dms timer=%s",
                state.getClass().getSimpleName(), sndUna & 0xFFFFFFFFL, sndNxt & 0xFFFFFFFFL, sndMax & 0xFFFFFFFFL,
                sndWnd, rcvNxt & 0xFFFFFFFFL, rcvWnd(), sendBuffer.size(), rtt.rtoNs() / MS,
                nextDeadlineNs() == Long.MAX_VALUE ? "none" : (nextDeadlineNs() / MS) + "ms");
    }

    /** The current retransmission timeout. */
    public long rtoNs() {
        return rtt.rtoNs();
    }

    /** SND.UNA. */
    public int sndUna() {
        return sndUna;
    }

    /** SND.NXT. */
    public int sndNxt() {
        return sndNxt;
    }

    /** RCV.NXT. */
    public int rcvNxt() {
        return rcvNxt;
    }

    /** SND.WND in bytes (the peer's window, scaled). */
    public int sndWnd() {
        return sndWnd;
    }

    /** The congestion window in bytes (0 before the connection is synchronized). */
    public long cwnd() {
        return cc == null ? 0 : cc.cwnd();
    }

    /** The slow-start threshold in bytes ({@link Long#MAX_VALUE} until the first loss). */
    public long ssthresh() {
        return cc == null ? Long.MAX_VALUE : cc.ssthresh();
    }

    /** The congestion control algorithm's name ("cubic", "newreno"), or "none" before synchronization. */
    public String congestionControl() {
        return cc == null ? "none" : cc.name();
    }

    /** The receive buffer's current size (auto-sizing raises it). */
    public int receiveBufferSize() {
        return received.capacity();
    }

    /** The send buffer's current size (auto-sizing raises it). */
    public int sendBufferSize() {
        return sendBuffer.capacity();
    }

    /** Heap bytes this connection's buffers hold right now (they are released when they drain). */
    public int bufferBytesAllocated() {
        return received.allocated() + sendBuffer.allocated();
    }

    /** TCP_NODELAY: when true, small segments go at once instead of waiting for outstanding data (RFC 896). */
    public void setNoDelay(boolean on, long nowNs) {
        noDelay = on;
        if (on) {
            Sender.output(this, nowNs);
        }
    }

    /**
     * TCP_CONGESTION: use {@code a} instead of the personality's default. Before synchronization it takes effect at
     * ESTABLISHED; afterwards the new algorithm starts from the current window (Linux
     * tcp_reinit_congestion_control keeps cwnd).
     */
    public void setCongestionControl(CongestionAlgorithm a) {
        algorithm = a;
        if (cc != null) {
            long w = cc.cwnd();
            cc = CongestionControls.create(a, effectiveMss(), w, personality.congestionTuning());
        }
    }

    /** SO_KEEPALIVE (RFC 1122 §4.2.3.6): probes after the idle time; off by default on every OS. */
    public void setKeepAlive(boolean on, long nowNs) {
        KeepAlive.set(this, on, nowNs);
    }

    /** TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT: this connection's keep-alive schedule. */
    public void setKeepAliveSchedule(long idleNs, long intervalNs, int count, long nowNs) {
        if (idleNs <= 0 || intervalNs <= 0 || count <= 0) {
            throw new IllegalArgumentException("keep-alive idle, interval and count must be positive");
        }
        keepIdleNs = idleNs;
        keepIntervalNs = intervalNs;
        keepCount = count;
        KeepAlive.set(this, keepAlive, nowNs);
    }

    /** IP TTL and TOS and TCP_NOOPT for the segments sent from now on. */
    public void setOutputOptions(TcpOutputOptions o) {
        output = java.util.Objects.requireNonNull(o);
    }

    /** The socket's per-segment settings (IP TTL and TOS, TCP_NOOPT). */
    public TcpOutputOptions outputOptions() {
        return output;
    }

    /**
     * A path MTU report (Packet Too Big) quoting our unanswered SYN, where the personality lets it lower the MSS
     * the next SYN offers ({@link Personality#synMssFollowsPathMtu}): at most {@code pathMss} from now on.
     */
    public void lowerSynMss(int pathMss) {
        if (state instanceof TcpState.SynSent && pathMss > 0) {
            synMss = Math.min(synMss, pathMss);
        }
    }

    /** The MSS the next SYN offers. */
    public int synMss() {
        return synMss;
    }

    /**
     * The outgoing link cuts TCP datagrams of up to {@code bytes} into segments itself (TSO/GSO): new data may
     * leave in super-segments of whole MSS-sized segments (Linux tcp_tso_segs); 0 turns it off.
     */
    public void setSegmentOffload(int bytes) {
        segmentOffload = Math.max(0, bytes);
    }

    /**
     * Whether the outgoing link completes TCP checksums itself: one with segmentation offload does (TSO needs
     * checksum offload, as Linux's NETIF_F_TSO needs NETIF_F_HW_CSUM), so segments leave with the pseudo-header sum
     * only ({@link io.jnetstack.wire.tcp.TcpHeader#emitChecksumPartial}).
     */
    public boolean checksumOffload() {
        return segmentOffload > 0;
    }

    /**
     * The stack builds this connection's datagrams behind an IP header of {@code bytes} (20 or 40): data segments
     * leave room for it and the TCP header before their payload, so the datagram is built around it in place.
     */
    public void setIpHeaderRoom(int bytes) {
        ipHeaderRoom = Math.max(0, bytes);
    }

    /**
     * TCP_MAXSEG: at most {@code bytes} of payload per segment from now on (the smaller of this and the peer's MSS
     * wins, as Linux tp->rx_opt.user_mss does; the MSS our SYN advertised is not changed after the fact).
     */
    public void setMaxSegment(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("TCP_MAXSEG below 64: " + bytes);
        }
        userMss = bytes;
        if (cc != null) {
            cc.setMss(effectiveMss());
        }
    }

    /**
     * The sequence offset in the received stream just past the peer's urgent data (RFC 6093: the urgent pointer
     * points to the byte after it), counted from the first byte of the connection; -1 when no urgent data was
     * signalled. Decision: urgent data stays in line (SO_OOBINLINE semantics); the socket layer reports the mark.
     */
    public long urgentMark() {
        return rcvUpAbs < 0 ? -1 : rcvUpAbs - SeqSpace.origin(irs + 1);
    }

    /** Whether SACK was negotiated. */
    public boolean sackEnabled() {
        return sackOk;
    }

    /** Whether both SYNs carried the window scale option (RFC 7323 §2.2). */
    public boolean windowScalingEnabled() {
        return windowScaling;
    }

    /** Whether ECN was negotiated (RFC 3168 §6.1.1): data then leaves marked ECT(0). */
    public boolean ecnEnabled() {
        return ecn;
    }

    /**
     * An ECN-setup SYN from the peer (ECE and CWR set, RFC 3168 §6.1.1) is answered with an ECN-setup SYN-ACK when
     * the personality accepts ECN (FreeBSD tcp_ecn_syncache_add / tcp_ecn_input_parallel_syn).
     */
    void acceptEcnSetup(TcpHeader syn) {
        if (syn.has(TcpHeader.ECE) && syn.has(TcpHeader.CWR) && personality.acceptsEcnSetup()) {
            ecn = true;
        }
    }

    /**
     * Whether segment {@code s} leaves marked ECT(0): new data (no retransmission, RFC 3168 §6.1.5) on a connection
     * that negotiated ECN (FreeBSD tcp_ecn_output_established). Called once per segment as it is sent.
     */
    public boolean markEct(TcpSegment s) {
        int len = s.payload().length();
        if (!ecn || len == 0 || ectMarked && lt(s.header().seq(), ectMark)) {
            return false;
        }
        ectMarked = true;
        ectMark = add(s.header().seq(), len);
        return true;
    }

    /** Whether timestamps were negotiated (RFC 7323 §3.2). */
    public boolean timestampsEnabled() {
        return timestamps;
    }

    /** Bytes sent and not yet acknowledged (SND.NXT − SND.UNA). */
    public int bytesInFlight() {
        return sndNxt - sndUna;
    }

    /**
     * The deadline under which the owner (the stack's timer index) last filed this connection; the connection itself
     * never reads it. {@link Long#MAX_VALUE}: not filed.
     */
    public long scheduledNs() {
        return scheduledNs;
    }

    /** Sets the owner's filing mark (see {@link #scheduledNs()}). */
    public void scheduledNs(long ns) {
        scheduledNs = ns;
    }

    /** This connection's counters. */
    public TcpStats stats() {
        return stats;
    }

    /** The MSS this side offered (from the route's MTU). */
    public int localMss() {
        return mss;
    }

    /** The peer's MSS (536 when it sent none; or a path MTU reduction of it). */
    public int peerMss() {
        return peerMss;
    }

    // ---- input ----

    /**
     * Processes one arriving segment (RFC 9293 §3.10.7). A SYN+FIN the personality drops goes before anything else
     * (FreeBSD tcp_do_segment and tcp_twcheck under drop_synfin), without even counting as heard for keep-alive.
     */
    public void onSegment(TcpSegment s, long nowNs) {
        stats.increment(TcpStats.Counter.SEGMENTS_IN);
        if (discardsSynFin(s.header())) {
            stats.increment(TcpStats.Counter.SYN_FIN_DROPS);
            return;
        }
        switch (state) {
            case TcpState.Closed c -> { }
            case TcpState.SynSent ss -> SynSentInput.process(this, s, nowNs);
            case TcpState.SynReceived sr -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.Established e -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.FinWait1 f -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.FinWait2 f -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.CloseWait cw -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.Closing cl -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.LastAck la -> SynchronizedInput.process(this, s, nowNs);
            case TcpState.TimeWait tw -> {
                if (stateRules.timeWaitCheck()) {
                    TimeWaitInput.process(this, s, nowNs);
                } else {
                    SynchronizedInput.process(this, s, nowNs);
                }
            }
        }
        if (!(state instanceof TcpState.Closed)) {
            KeepAlive.heard(this, nowNs);
        }
    }

    /**
     * Whether this connection's personality drops segment {@code h} for carrying both SYN and FIN (asked now: the
     * OS's sysctl may have changed). The owner asks before any shortcut of its own, such as a SYN reopening a
     * 4-tuple in TIME-WAIT.
     */
    public boolean discardsSynFin(TcpHeader h) {
        return InputScreening.dropsSynFin(this, h);
    }

    /**
     * Runs the timers that are due: data retransmission or a window probe, SYN retransmission or give-up, the end
     * of TIME-WAIT or of an orphaned FIN-WAIT-2.
     */
    public void onTimer(long nowNs) {
        if (nowNs >= delackAtNs) {
            Segments.ack(this, nowNs);
        }
        if (nowNs >= keepAtNs) {
            KeepAlive.expire(this, nowNs);
        }
        if (nowNs >= retransmitAtNs) {
            Sender.retransmitTimeout(this, nowNs);
        }
        if (nowNs < deadlineNs) {
            return;
        }
        switch (state) {
            case TcpState.SynSent ss -> synTimer(ss, nowNs);
            case TcpState.TimeWait tw -> close(TcpEvent.CLOSED);
            case TcpState.FinWait2 f -> {
                if (rules.resetOnOrphanTimeout()) {
                    Segments.resetAck(this);
                }
                close(TcpEvent.CLOSED);
            }
            case TcpState.Closed c -> deadlineNs = Long.MAX_VALUE;
            case TcpState.SynReceived sr -> SynAckTimer.expire(this, nowNs);
            case TcpState.Established e -> deadlineNs = Long.MAX_VALUE;
            case TcpState.FinWait1 f -> deadlineNs = Long.MAX_VALUE;
            case TcpState.CloseWait cw -> deadlineNs = Long.MAX_VALUE;
            case TcpState.Closing cl -> deadlineNs = Long.MAX_VALUE;
            case TcpState.LastAck la -> deadlineNs = Long.MAX_VALUE;
        }
    }

    private void synTimer(TcpState.SynSent ss, long nowNs) {
        SynRetransmission r = synSchedule;
        if (nowNs >= ss.firstSynNs() + r.giveUpNs() || ss.synsSent() >= r.synCount()) {
            if (nowNs >= ss.firstSynNs() + r.giveUpNs()) {
                // A remembered soft error replaces ETIMEDOUT (Linux sk_err_soft, BSD t_softerror).
                close(softError != null ? softError : TcpEvent.TIMED_OUT);
            } else {
                deadlineNs = ss.firstSynNs() + r.giveUpNs();
            }
            return;
        }
        int sent = ss.synsSent() + 1;
        state = new TcpState.SynSent(ss.firstSynNs(), sent);
        if (personality.dropsSynOptions(sent - 1)) {
            synOptionsDropped = true; // sticky, as FreeBSD clears the TF_REQ_* flags of the tcpcb
        }
        Segments.syn(this, nowNs);
        deadlineNs = ss.firstSynNs() + (sent < r.synCount() ? r.offsetNs(sent) : r.giveUpNs());
    }

    /**
     * An ICMP error quoting one of our segments whose sequence number is {@code quotedSeq}. Only errors quoting a
     * sequence number in [SND.UNA, SND.MAX) count (RFC 5927 §4.1; FreeBSD tcp_ctlinput), or in [SND.UNA, SND.NXT]
     * where the personality says so (Linux tcp_v4_err: {@code between(seq, snd_una, snd_nxt)}, both ends in). In
     * SYN-SENT the personality decides between abort, soft error and nothing; in the synchronized states the error
     * is remembered as a soft error (RFC 1122 §4.2.3.9: codes 0, 1 and 5 must not abort the connection), reported
     * if the connection later times out.
     */
    public void onIcmp(IcmpClass icmp, int quotedSeq, long nowNs) {
        onIcmp(icmp, null, quotedSeq, nowNs);
    }

    /**
     * As {@link #onIcmp(IcmpClass, int, long)}, remembering the message {@code detail} (null when unknown) whenever
     * the error is kept or ends the connection, for {@link #lastIcmp()}.
     */
    public void onIcmp(IcmpClass icmp, IcmpError detail, int quotedSeq, long nowNs) {
        boolean inWindow = personality.icmpQuoteIncludesSndNxt()
                ? leq(sndUna, quotedSeq) && leq(quotedSeq, sndNxt) : leq(sndUna, quotedSeq) && lt(quotedSeq, sndMax);
        if (!inWindow || TcpEvent.of(icmp) == null) {
            return;
        }
        TcpEvent fact = TcpEvent.of(icmp);
        if (!(state instanceof TcpState.SynSent ss)) {
            softError = fact;
            lastIcmp = detail;
            return;
        }
        // with icmp_may_rst off (FreeBSD/XNU tcp_ctlinput), every message takes tcp_notify's path, as host
        // unreachable does
        IcmpDisposition d = personality.synSentIcmp(icmpMayReset ? icmp : IcmpClass.HOST_UNREACHABLE,
                ss.synsSent() - 1, softError != null);
        if (d != IcmpDisposition.IGNORE) {
            lastIcmp = detail;
        }
        switch (d) {
            case ABORT -> close(fact);
            case SOFT -> softError = fact;
            case REPORT -> {
                softError = fact;
                report(fact); // the socket's error; the attempt goes on
            }
            case IGNORE -> { }
        }
    }

    /** net.inet.tcp.icmp_may_rst for this connection: when off, ICMP errors in SYN-SENT take tcp_notify's path. */
    public void setIcmpMayReset(boolean on) {
        icmpMayReset = on;
    }

    /**
     * The ICMP or ICMPv6 message behind the connection's ICMP-class event or remembered soft error (the last one
     * that counted), or null when none arrived or the caller did not pass it. It stays readable after the connection
     * has reported its failure, while the caller holds the connection.
     */
    public IcmpError lastIcmp() {
        return lastIcmp;
    }

    /**
     * Path MTU discovery (RFC 1191 §6.3, RFC 8201 §5.2; Linux tcp_v4_mtu_reduced → tcp_simple_retransmit): when an
     * ICMP quoting a segment in [SND.UNA, SND.MAX) reports that the path takes segments of at most {@code pathMss}
     * bytes, sending uses that MSS from now on and everything in flight is sent again at the new size; the
     * congestion window is not cut, since nothing was lost to congestion.
     */
    public void onPacketTooBig(int pathMss, int quotedSeq, long nowNs) {
        if (!(leq(sndUna, quotedSeq) && lt(quotedSeq, sndMax)) || pathMss >= peerMss) {
            return;
        }
        peerMss = pathMss;
        stats.increment(TcpStats.Counter.PMTU_REDUCTIONS);
        if (cc != null) {
            cc.setMss(effectiveMss());
        }
        if (TcpState.synchronizedState(state) && sndNxt != sndUna) {
            sndNxt = sndUna;
            timing = false;
            Sender.output(this, nowNs);
        }
    }

    /** An RTT sample from the handshake (the SYN was not retransmitted: Karn's rule). */
    void sampleHandshake(long rttNs) {
        rtt.sample(rttNs);
    }

    // ---- operations used by the rule classes ----

    /** Enters CLOSED, stops every timer and reports {@code why} (null: nothing to report). */
    void close(TcpEvent why) {
        state = new TcpState.Closed();
        deadlineNs = Long.MAX_VALUE;
        retransmitAtNs = Long.MAX_VALUE;
        delackAtNs = Long.MAX_VALUE;
        keepAtNs = Long.MAX_VALUE;
        if (why != null) {
            events.addLast(why);
        }
    }

    void report(TcpEvent e) {
        events.addLast(e);
    }

    /** Enters TIME-WAIT for the personality's 2MSL (restarted by a retransmitted FIN). */
    void enterTimeWait(long nowNs) {
        state = new TcpState.TimeWait();
        retransmitAtNs = Long.MAX_VALUE;
        keepAtNs = Long.MAX_VALUE;
        deadlineNs = nowNs + timers.timeWaitNs();
    }

    void synchronize(TcpHeader synAck, SynOptions.Offer ours) {
        irs = synAck.seq();
        rcvNxt = add(irs, 1);
        rcvNxtAbs = SeqSpace.origin(rcvNxt);
        rcvAdv = add(rcvNxt, personality.synWindow(mss)); // what our SYN offered (SYN windows are never scaled)
        learnPeerOptions(synAck, ownOffer(ours));
        sizeBuffersForSegment();
    }

    /** {@code ours} less what this connection stopped offering (TCP_NOOPT, dropped SYN options): MSS only. */
    SynOptions.Offer ownOffer(SynOptions.Offer ours) {
        return output.noOptions() || synOptionsDropped ? new SynOptions.Offer(false, false, false) : ours;
    }

    /**
     * The personality's buffer rule once the segment size is known (FreeBSD tcp_mss(): each buffer rounds up to a
     * multiple of it, as the socket's SO_RCVBUF then shows): on the active side when the SYN-ACK or the SYN of a
     * simultaneous open arrives (tcp_do_segment calls tcp_mss in SYN-SENT), on the passive side when the handshake
     * completes (syncache_socket: a SYN-RECEIVED entry lives in the syncache, whose window is the SYN-ACK's).
     * RCV.WND follows the larger receive buffer. Rounding again changes nothing.
     */
    private void sizeBuffersForSegment() {
        int segment = Math.min(peerMss, mss);
        received.setCapacity(personality.tcpBufferAfterHandshake(received.capacity(), segment));
        sendBuffer.setCapacity(personality.tcpBufferAfterHandshake(sendBuffer.capacity(), segment));
    }

    /**
     * The handshake is complete: the buffers take the personality's size for the negotiated MSS (FreeBSD tcp_mss()),
     * congestion control starts with the personality's algorithm and initial window for the effective MSS (RFC 5681
     * §3.1, RFC 6928), and the SACK state when both sides offered it.
     */
    void onEstablished() {
        sizeBuffersForSegment();
        int smss = effectiveMss();
        cc = CongestionControls.create(algorithm, smss, personality.initialWindow(smss),
                personality.congestionTuning());
        sndUnaAbs = SeqSpace.origin(sndUna);
        if (sackOk) {
            scoreboard = new SackScoreboard(sndUnaAbs);
            scoreboard.onSent(sndUnaAbs + (sndMax - sndUna));
            sackBlocks = new SackBlocks(rcvNxtAbs, personality.sackReporting());
        }
    }

    /** {@code seq} unwrapped on the sending side (near SND.UNA). */
    long sendAbs(int seq) {
        return sndUnaAbs + (seq - sndUna);
    }

    /** SYN-SENT bookkeeping for the handshake RTT sample. */
    TcpState.SynSent synSent() {
        return state instanceof TcpState.SynSent ss ? ss : null;
    }

    /**
     * Receiver-side silly window avoidance (RFC 9293 §3.8.6.2.2, RFC 1122 §4.2.3.3; BSD tcp_output "win <
     * sb_hiwat / 4 && win < t_maxseg → 0"): an opening smaller than min(MSS, buffer/4) is not offered, and an
     * offered right edge is never taken back (RFC 9293 §3.8.6.2.2 "shrinking the window" is discouraged).
     */
    int advertisableWindow() {
        int wnd = rcvWnd();
        if (wnd < Math.min(mss, received.capacity() / 4)) {
            wnd = 0;
        }
        return Math.max(wnd, offeredWindow());
    }

    /** What is left of the window last advertised: RCV.ADV − RCV.NXT, or 0 once the peer has filled it. */
    int offeredWindow() {
        return lt(rcvNxt, rcvAdv) ? rcvAdv - rcvNxt : 0;
    }

    /** The window to advertise: the buffer's free space, held to the growing clamp (Linux rcv_ssthresh). */
    int rcvWnd() {
        return Math.max(0, Math.min(received.space(), windowClamp - received.size()));
    }

    /** RFC 5961 §5.2: SND.UNA − MAX.SND.WND ≤ SEG.ACK ≤ SND.NXT (the highest SND.NXT reached: SND.MAX). */
    boolean ackInRange(int ack) {
        return leq(add(sndUna, -maxSndWnd), ack) && leq(ack, sndMax);
    }

    /** RFC 9293 §3.10.7.4 fifth check: SND.WND updates from segments newer than the last one used. */
    void updateWindow(TcpHeader h, boolean scaled) {
        if (lt(sndWl1, h.seq()) || sndWl1 == h.seq() && leq(sndWl2, h.ack()) || !scaled) {
            sndWnd = h.window() << (scaled ? sndShift : 0);
            sndWl1 = h.seq();
            sndWl2 = h.ack();
            maxSndWnd = Math.max(maxSndWnd, sndWnd);
        }
    }

    /**
     * RFC 7323 §4.3 (3): "If SEG.TSval >= TS.Recent and SEG.SEQ <= Last.ACK.sent then SEG.TSval is copied to
     * TS.Recent".
     */
    void noteTimestamp(TcpHeader h) {
        TcpOption.Timestamps ts = timestampsOf(h);
        if (ts != null && (!tsRecentValid || leq(tsRecent, ts.tsVal())) && leq(h.seq(), lastAckSent)) {
            tsRecent = ts.tsVal();
            tsRecentValid = true;
        }
    }

    /** The segment's timestamps option when timestamps are in use, else null. */
    TcpOption.Timestamps timestampsOf(TcpHeader h) {
        if (!timestamps) {
            return null;
        }
        for (TcpOption o : h.options()) {
            if (o instanceof TcpOption.Timestamps ts) {
                return ts;
            }
        }
        return null;
    }

    /**
     * The largest payload of one segment: the peer's MSS less the timestamps and signature options when in use
     * (FreeBSD tcp_output: len + optlen fits t_maxseg).
     */
    int effectiveMss() {
        int m = peerMss - (timestamps ? TS_OPTION_BYTES : 0) - (output.signsSegments() ? SIGNATURE_OPTION_BYTES : 0);
        return userMss > 0 ? Math.min(m, userMss) : m;
    }

    /**
     * The payload room of the next segment: {@link #effectiveMss()} less the SACK option it will carry (Linux
     * tcp_current_mss subtracts tcp_established_options), so a segment with SACK blocks still fits the path.
     */
    int segmentRoom() {
        int room = effectiveMss();
        if (sackBlocks != null) {
            int n = sackBlocks.pendingBlocks();
            if (n > 0) {
                int fit = Segments.sackBlocksFitting((timestamps ? TS_OPTION_BYTES : 0)
                        + (output.signsSegments() ? SIGNATURE_OPTION_BYTES : 0));
                room -= fit <= 0 ? 0 : 4 + 8 * Math.min(n, fit);
            }
        }
        return room;
    }

    /**
     * Records what the peer's SYN or SYN-ACK says about MSS, window scaling (RFC 7323 §2.2: both sides must offer
     * it, shift capped at 14), timestamps and SACK; returns what it offered.
     */
    private SynOptions.Offer learnPeerOptions(TcpHeader syn, SynOptions.Offer ours) {
        SynOptions.Offer peer = SynOptions.offerOf(syn.options());
        for (TcpOption o : syn.options()) {
            if (o instanceof TcpOption.Mss m) {
                // RFC 9293 §3.7.1: Eff.snd.MSS = min(SendMSS, MMS_S − headers) — the offer never takes a segment
                // past our own route's MTU (Linux tcp_sync_mss: min(mss_clamp, pmtu − headers); FreeBSD
                // tcp_mss_update: min(route or host-cache MTU − headers, offer)), nor past a path MTU learnt in
                // SYN-SENT (synMss)
                peerMss = Math.min(m.mss(), Math.min(synMss, mss));
            } else if (o instanceof TcpOption.WindowScale w) {
                sndShift = Math.min(w.shift(), 14);
            } else if (o instanceof TcpOption.Timestamps ts) {
                tsRecent = ts.tsVal();
                tsRecentValid = true;
            }
        }
        boolean scaling = peer.windowScale() && ours.windowScale();
        windowScaling = scaling;
        sndShift = scaling ? sndShift : 0;
        rcvShift = scaling ? personality.windowScale() : 0;
        timestamps = peer.timestamps() && ours.timestamps();
        sackOk = peer.sackPermitted() && ours.sackPermitted()
                && personality.synOptionLayout().contains(io.jnetstack.personality.SynOption.SACK_PERMITTED);
        return peer;
    }
}
