package dev.nsnet.tools.bridge;

import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ip.IpUtil;
import java.util.List;

/**
 * {@code bridge mdb} listings (bridge/mdb.c): the modelled bridges hold no multicast database
 * entries, so the listing is that of such a bridge on the real kernel; changes are reported as
 * not supported.
 */
final class BrMdbCmd {
    private BrMdbCmd() { }

    static int run(ToolContext ctx, Bridge.Opts o, List<String> args) {
        if (!args.isEmpty() && !(IpUtil.matches(args.get(0), "show") || IpUtil.matches(args.get(0), "list")
                || IpUtil.matches(args.get(0), "lst"))) {
            throw new BridgeError("nsnet: bridge mdb " + args.get(0) + " is not supported\n", 1);
        }
        if (o.json) {
            ctx.out().print(o.pretty ? "[ {\n        \"mdb\": [ ],\n        \"router\": {}\n    } ]\n"
                    : "[{\"mdb\":[],\"router\":{}}]\n");
            ctx.out().flush();
        }
        return 0;
    }
}
