package cn.cfp.calc.matrix;

import java.util.Arrays;

/** Graph algorithms on the sparsity pattern of a square CSC matrix (edge consumer j → supplier i for A[i][j] ≠ 0). */
final class Graphs {

    private Graphs() {
    }

    /**
     * A pseudo-topological order: every consumer before its suppliers whenever the graph has no cycle
     * (reverse post-order of an iterative depth-first search, cycles broken arbitrarily).
     */
    static int[] consumersFirst(CscMatrix a) {
        int n = a.cols();
        int[] cp = a.colPtr();
        int[] ri = a.rowIdx();
        int[] post = new int[n];
        int postCount = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] edge = new int[n];
        for (int root = 0; root < n; root++) {
            if (seen[root]) {
                continue;
            }
            int top = 0;
            stack[0] = root;
            edge[0] = cp[root];
            seen[root] = true;
            while (top >= 0) {
                int j = stack[top];
                int k = edge[top];
                boolean pushed = false;
                while (k < cp[j + 1]) {
                    int i = ri[k++];
                    if (!seen[i]) {
                        edge[top] = k;
                        seen[i] = true;
                        top++;
                        stack[top] = i;
                        edge[top] = cp[i];
                        pushed = true;
                        break;
                    }
                }
                if (!pushed) {
                    post[postCount++] = j;
                    top--;
                }
            }
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = post[n - 1 - k];
        }
        return order;
    }

    /**
     * Strongly connected components (Tarjan, iterative), listed consumers first: every edge from a component
     * leads to the same component or to one listed later. Returns {@code [componentStart..., nodes...]} as two arrays.
     */
    static int[][] componentsConsumersFirst(CscMatrix a) {
        int n = a.cols();
        int[] cp = a.colPtr();
        int[] ri = a.rowIdx();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] sccStack = new int[n];
        int sccTop = 0;
        int[] callStack = new int[n];
        int[] edge = new int[n];
        int counter = 0;
        int[] nodesOut = new int[n];
        int outPos = n; // Tarjan emits suppliers first; fill from the end to list consumers first
        int[] compStartsRev = new int[n + 1];
        int comps = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int top = 0;
            callStack[0] = root;
            edge[0] = cp[root];
            index[root] = low[root] = counter++;
            sccStack[sccTop++] = root;
            onStack[root] = true;
            while (top >= 0) {
                int v = callStack[top];
                int k = edge[top];
                boolean pushed = false;
                while (k < cp[v + 1]) {
                    int w = ri[k++];
                    if (index[w] < 0) {
                        edge[top] = k;
                        index[w] = low[w] = counter++;
                        sccStack[sccTop++] = w;
                        onStack[w] = true;
                        top++;
                        callStack[top] = w;
                        edge[top] = cp[w];
                        pushed = true;
                        break;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                }
                if (pushed) {
                    continue;
                }
                edge[top] = k;
                if (low[v] == index[v]) {
                    int w;
                    int end = outPos;
                    do {
                        w = sccStack[--sccTop];
                        onStack[w] = false;
                        nodesOut[--outPos] = w;
                    } while (w != v);
                    compStartsRev[comps++] = outPos;
                    assert end > outPos;
                }
                top--;
                if (top >= 0) {
                    int parent = callStack[top];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        int[] starts = new int[comps + 1];
        for (int c = 0; c < comps; c++) {
            starts[c] = compStartsRev[comps - 1 - c];
        }
        starts[comps] = n;
        return new int[][] {starts, nodesOut};
    }

    /**
     * Consumers-first order that also handles loops: the strongly connected components in consumers-first order
     * (so an acyclic system is ordered topologically and one sweep solves it); inside a loop of several processes,
     * nodes by breadth-first level from where the loop is entered — from a consumer in an earlier component, or a
     * node with demand ({@code roots}) — ties broken by a depth-first order over the edges that stay within the level. A
     * depth-first order inside a large loop can place a heavily used supplier after its consumers (when the search
     * enters the loop "from behind"); the level order keeps the suppliers that carry most of the demand near the
     * front, so far fewer Gauss–Seidel sweeps are needed (band family: see docs/performance.md).
     *
     * @param roots nodes with demand, may be empty
     */
    static int[] consumersFirstByLevel(CscMatrix a, int[] roots) {
        int n = a.cols();
        int[] cp = a.colPtr();
        int[] ri = a.rowIdx();
        int[][] comps = componentsConsumersFirst(a);
        int[] starts = comps[0];
        int[] nodes = comps[1];
        int nc = starts.length - 1;
        if (nc == n) {
            return nodes; // acyclic: the topological order
        }
        int[] compOf = new int[n];
        for (int c = 0; c < nc; c++) {
            for (int k = starts[c]; k < starts[c + 1]; k++) {
                compOf[nodes[k]] = c;
            }
        }
        int[] dfs = nodes; // tie-break: the position in Tarjan's (depth-first) listing
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) {
            rank[dfs[k]] = k;
        }
        boolean[] entry = new boolean[n];
        for (int r : roots) {
            entry[r] = true;
        }
        for (int j = 0; j < n; j++) {
            for (int k = cp[j]; k < cp[j + 1]; k++) {
                if (compOf[ri[k]] != compOf[j]) {
                    entry[ri[k]] = true;
                }
            }
        }
        int[] level = new int[n];
        Arrays.fill(level, -1);
        int[] queue = new int[n];
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] edge = new int[n];
        int[] postBuf = new int[n];
        int out = 0;
        for (int c = 0; c < nc; c++) {
            int lo = starts[c];
            int hi = starts[c + 1];
            if (hi - lo == 1) {
                order[out++] = nodes[lo];
                continue;
            }
            int head = 0;
            int tail = 0;
            int first = nodes[lo];
            for (int k = lo; k < hi; k++) {
                int v = nodes[k];
                if (entry[v]) {
                    level[v] = 0;
                    queue[tail++] = v;
                }
                if (rank[v] < rank[first]) {
                    first = v;
                }
            }
            if (tail == 0) {
                level[first] = 0;
                queue[tail++] = first;
            }
            while (head < tail) {
                int j = queue[head++];
                for (int k = cp[j]; k < cp[j + 1]; k++) {
                    int i = ri[k];
                    if (level[i] < 0 && compOf[i] == c) {
                        level[i] = level[j] + 1;
                        queue[tail++] = i;
                    }
                }
            }
            long[] key = new long[hi - lo];
            for (int k = lo; k < hi; k++) {
                int v = nodes[k];
                key[k - lo] = ((long) level[v] << 32) | rank[v];
            }
            Arrays.sort(key);
            // within one level: depth-first order over the edges that stay in the level (suppliers after consumers)
            int g0 = 0;
            while (g0 < key.length) {
                int lv = (int) (key[g0] >>> 32);
                int g1 = g0;
                while (g1 < key.length && (int) (key[g1] >>> 32) == lv) {
                    g1++;
                }
                int post = 0;
                for (int g = g0; g < g1; g++) {
                    int root = dfs[(int) (key[g] & 0xFFFFFFFFL)];
                    if (seen[root]) {
                        continue;
                    }
                    int top = 0;
                    stack[0] = root;
                    edge[0] = cp[root];
                    seen[root] = true;
                    while (top >= 0) {
                        int j = stack[top];
                        int k = edge[top];
                        boolean pushed = false;
                        while (k < cp[j + 1]) {
                            int i = ri[k++];
                            if (!seen[i] && level[i] == lv && compOf[i] == c) {
                                edge[top] = k;
                                seen[i] = true;
                                stack[++top] = i;
                                edge[top] = cp[i];
                                pushed = true;
                                break;
                            }
                        }
                        if (!pushed) {
                            postBuf[post++] = j;
                            top--;
                        }
                    }
                }
                for (int p = post - 1; p >= 0; p--) {
                    order[out++] = postBuf[p];
                }
                g0 = g1;
            }
        }
        return order;
    }
}
