# kube-proxy's iptables mode on one node (nsnet cluster print): the jump rules it ensures one by one,
# then its iptables-restore --noflush input (3-endpoint TCP service, 2-endpoint UDP service, one without endpoints)
iptables -t nat -A POSTROUTING -s 10.244.0.0/16 ! -d 10.244.0.0/16 -m comment --comment "pod traffic leaving the cluster" -j MASQUERADE
iptables -t filter -N KUBE-EXTERNAL-SERVICES
iptables -t filter -I INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
iptables -t filter -I FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
iptables -t filter -N KUBE-NODEPORTS
iptables -t filter -I INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS
iptables -t filter -N KUBE-SERVICES
iptables -t filter -I FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t filter -I OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t filter -N KUBE-FORWARD
iptables -t filter -I FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
iptables -t filter -N KUBE-PROXY-FIREWALL
iptables -t filter -I INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
iptables -t filter -I OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
iptables -t filter -I FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
iptables -t nat -N KUBE-SERVICES
iptables -t nat -I OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -I PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -N KUBE-POSTROUTING
iptables -t nat -I POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
iptables-restore --noflush 680-kube-proxy-clusterip.rules
iptables-save -t filter
iptables-save -t nat
iptables -t nat -L KUBE-SVC-LOLE4ISW44XBNF3G -n
iptables -t nat -L KUBE-SEP-IZ6LCTZWQDIW3S5Z -n
iptables -t nat -L KUBE-POSTROUTING -n
iptables -t nat -L KUBE-MARK-MASQ -n
iptables -L KUBE-SERVICES -n
iptables -L KUBE-FORWARD -n
iptables -S FORWARD
# a second sync (kube-proxy's periodic full sync) changes nothing
iptables-restore --noflush 680-kube-proxy-clusterip.rules
iptables -t nat -S KUBE-SVC-TCOU7JCQXEZGVUNU
