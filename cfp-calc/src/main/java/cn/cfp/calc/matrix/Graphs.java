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
}
