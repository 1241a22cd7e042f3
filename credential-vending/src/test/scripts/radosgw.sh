#!/bin/bash
# A real S3 + STS for the credential-vending tests: single-node Ceph (monitor, in-memory OSD,
# radosgw with STS) from Debian's packages, unpacked under BASE_DIR, nothing installed system-wide.
#   radosgw.sh up BASE_DIR PORT    -> http://127.0.0.1:PORT; users owner (OWNERKEY/OWNERSECRET) and
#                                     lakeward (LAKEWARDKEY/LAKEWARDSECRET), and role lake-rw that
#                                     lakeward may assume, allowed everything in bucket lake
#   radosgw.sh down BASE_DIR
set -euo pipefail
cmd=${1:?usage: radosgw.sh up|down BASE_DIR [PORT]}
B=${2:?usage: radosgw.sh up|down BASE_DIR [PORT]}
mkdir -p "$B"; B=$(cd "$B" && pwd)
if [ "$cmd" = down ]; then
  for n in ceph-client.rgw.a ceph-osd.0 ceph-mon.a; do
    f=$B/run/$n.pid; [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  exit 0
fi
PORT=${3:?usage: radosgw.sh up BASE_DIR PORT}
MON_PORT=$((PORT + 1))
cd "$B"
if [ ! -x root/usr/bin/radosgw ]; then
  mkdir -p debs root
  pkgs=$(apt-get install --simulate --no-install-recommends radosgw ceph-mon ceph-osd ceph-common 2>/dev/null \
    | awk '/^Inst/{print $2}')
  if [ -z "$pkgs" ]; then
    echo "radosgw.sh: apt cannot resolve Ceph's packages (run 'apt-get update' once)" >&2; exit 2
  fi
  (cd debs && apt-get download $pkgs >/dev/null)
  for d in debs/*.deb; do dpkg -x "$d" root; done
fi
R=$B/root
export LD_LIBRARY_PATH=$R/usr/lib/x86_64-linux-gnu:$R/usr/lib/x86_64-linux-gnu/ceph:$R/lib/x86_64-linux-gnu
export PYTHONPATH=$R/usr/lib/python3/dist-packages PATH=$R/usr/bin:$PATH CEPH_CONF=$B/ceph.conf
rm -rf data run log && mkdir -p data/mon-a data/osd-0 data/rgw-a run log
FSID=$(cat /proc/sys/kernel/random/uuid)
cat > ceph.conf <<CONF
[global]
fsid = $FSID
mon_host = v2:127.0.0.1:$MON_PORT
public_addr = 127.0.0.1
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
ms_mon_client_mode = crc
ms_client_mode = crc
ms_bind_ipv6 = false
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_crush_chooseleaf_type = 0
run_dir = $B/run
admin_socket = $B/run/\$cluster-\$name.asok
log_file = $B/log/\$cluster-\$name.log
pid_file = $B/run/\$cluster-\$name.pid
erasure_code_dir = $R/usr/lib/x86_64-linux-gnu/ceph/erasure-code
plugin_dir = $R/usr/lib/x86_64-linux-gnu/ceph
osd_class_dir = $R/usr/lib/x86_64-linux-gnu/rados-classes
[mon.a]
mon_data = $B/data/mon-a
[osd.0]
osd_data = $B/data/osd-0
osd_objectstore = memstore
memstore_device_bytes = 1073741824
[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:$PORT
rgw_data = $B/data/rgw-a
rgw_sts_key = abcdefghijklmnop
rgw_s3_auth_use_sts = true
CONF
monmaptool --create --addv a "[v2:127.0.0.1:$MON_PORT]" --fsid "$FSID" run/monmap >/dev/null
ceph-mon --mkfs -i a --monmap run/monmap -c ceph.conf && ceph-mon -i a -c ceph.conf
OSDUUID=$(cat /proc/sys/kernel/random/uuid); ID=$(timeout 30 ceph osd new "$OSDUUID")
ceph-osd -i "$ID" --mkfs --osd-uuid "$OSDUUID" -c ceph.conf 2>/dev/null
timeout 30 ceph osd crush add-bucket node1 host >/dev/null
timeout 30 ceph osd crush move node1 root=default >/dev/null
timeout 30 ceph osd crush add "osd.$ID" 1.0 host=node1 >/dev/null
ceph-osd -i "$ID" -c ceph.conf 2>/dev/null
radosgw -n client.rgw.a -c ceph.conf
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" = 200 ] && break; sleep 1
done
radosgw-admin user create --uid=owner --display-name=owner --access-key=OWNERKEY --secret=OWNERSECRET >/dev/null
radosgw-admin user create --uid=lakeward --display-name=lakeward --access-key=LAKEWARDKEY \
  --secret=LAKEWARDSECRET >/dev/null
radosgw-admin role create --role-name=lake-rw --assume-role-policy-doc='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam:::user/lakeward"]},"Action":["sts:AssumeRole"]}]}' >/dev/null
radosgw-admin role-policy put --role-name=lake-rw --policy-name=lake-all --policy-doc='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::lake","arn:aws:s3:::lake/*"]}]}' >/dev/null
echo "radosgw up on http://127.0.0.1:$PORT"
