package dev.nsnet.tools.bridge;

import dev.nsnet.tools.ToolContext;
import dev.nsnet.tools.ip.IpPrint;
import dev.nsnet.tools.ip.IpUtil;
import java.util.List;

/**
 * {@code bridge vlan} and {@code bridge mdb} listings (bridge/vlan.c, mdb.c). The modelled bridges
 * have no VLAN filtering and no multicast database entries, so the listings are those of such a
 * bridge on the real kernel; changing either is reported as not supported.
 */
final class BrMisc {
    private BrMisc() { }

    static int vlan(ToolContext ctx, Bridge.Opts o, List<String> args) {
        if (!args.isEmpty() && !(IpUtil.matches(args.get(0), "show") || IpUtil.matches(args.get(0), "list")
                || IpUtil.matches(args.get(0), "lst"))) {
            throw new BridgeError("nsnet: bridge vlan " + args.get(0) + " is not supported\n", 1);
        }
        IpPrint p = o.printer(ctx);
        if (o.json) {
            p.newJsonObj();
            p.deleteJsonObj();
        } else {
            ctx.out().print("port              vlan-id  \n");
            ctx.out().flush();
        }
        return 0;
    }

    static int mdb(ToolContext ctx, Bridge.Opts o, List<String> args) {
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
