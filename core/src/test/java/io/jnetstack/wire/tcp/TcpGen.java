package io.jnetstack.wire.tcp;

import io.jnetstack.wire.ByteString;
import io.jnetstack.wire.IpProtocol;
import io.jnetstack.wire.Ipv4Address;
import io.jnetstack.wire.Ipv6Address;
import io.jnetstack.wire.PseudoHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of valid TCP headers whose emitted form parses back to the same record. */
final class TcpGen {
    private TcpGen() {}

    static PseudoHeader pseudoHeader(SplittableRandom r) {
        if (r.nextBoolean()) {
            return new PseudoHeader(new Ipv4Address(r.nextInt()), new Ipv4Address(r.nextInt()), IpProtocol.TCP);
        }
        return new PseudoHeader(new Ipv6Address(r.nextLong(), r.nextLong()),
                new Ipv6Address(r.nextLong(), r.nextLong()), IpProtocol.TCP);
    }

    static ByteString bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return ByteString.copyOf(b);
    }

    static TcpOption option(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> new TcpOption.Nop();
            case 1 -> new TcpOption.Mss(r.nextInt(0x10000));
            case 2 -> new TcpOption.WindowScale(r.nextInt(256));
            case 3 -> new TcpOption.SackPermitted();
            case 4 -> {
                List<TcpOption.SackBlock> blocks = new ArrayList<>();
                for (int i = r.nextInt(1, 5); i > 0; i--) {
                    blocks.add(new TcpOption.SackBlock(r.nextInt(), r.nextInt()));
                }
                yield new TcpOption.Sack(blocks);
            }
            case 5 -> new TcpOption.Timestamps(r.nextInt(), r.nextInt());
            case 6, 7 -> {
                int n = r.nextInt(4) == 0 ? 0 : r.nextInt(4, 17);
                yield new TcpOption.FastOpenCookie(bytes(r, n), r.nextBoolean());
            }
            case 8 -> new TcpOption.Md5Signature(bytes(r, TcpOption.Md5Signature.DIGEST_LENGTH));
            default -> unknown(r);
        };
    }

    private static TcpOption unknown(SplittableRandom r) {
        int kind;
        do {
            kind = r.nextInt(256);
        } while (kind <= 5 || kind == 8 || kind == 34 || kind == 254);
        return new TcpOption.UnknownOption(kind, bytes(r, r.nextInt(0, 12)));
    }

    /** Options that fit 40 bytes; an EOL, if any, is last and its trailing bytes fill to a 4-byte multiple. */
    static List<TcpOption> options(SplittableRandom r) {
        List<TcpOption> out = new ArrayList<>();
        int total = 0;
        for (int n = r.nextInt(0, 8); n > 0; n--) {
            TcpOption o = option(r);
            if (total + o.length() > 39) {
                break;
            }
            out.add(o);
            total += o.length();
        }
        if (r.nextInt(4) == 0 && total < 40) {
            int trailing = (4 - (total + 1) % 4) % 4;
            ByteString t = r.nextBoolean() ? ByteString.copyOf(new byte[trailing]) : bytes(r, trailing);
            out.add(new TcpOption.Eol(t));
        } else {
            while (total % 4 != 0) {
                out.add(new TcpOption.Nop());
                total++;
            }
        }
        return out;
    }

    static TcpHeader header(SplittableRandom r) {
        return new TcpHeader(r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(), r.nextInt(), r.nextInt(0x1000),
                r.nextInt(0x10000), r.nextInt(0x10000), options(r));
    }
}
