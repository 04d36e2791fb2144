# Sourced by the ops scripts: the JVM flags we recommend for running CallVault in production, also used by the
# benchmarks (for the app and for their baselines alike).
# G1 by default keeps up to 70 % of the heap free after a collection (MaxHeapFreeRatio=70), so the resident memory
# of a server holding many idle sockets was about 2.5 × the heap in use. 10/20 returns the rest to the OS: the heap
# after a collection is at most 1.25 × what is in use. It changes only how far the heap shrinks after full and
# concurrent cycles, not young-generation sizing; -Xmx stays the JVM's default (¼ of RAM) unless JAVA_OPTS sets it.
CALLVAULT_JVM_FLAGS="-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
