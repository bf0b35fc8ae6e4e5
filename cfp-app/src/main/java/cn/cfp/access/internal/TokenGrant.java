package cn.cfp.access.internal;

import cn.cfp.access.TokenScope;

/** The details of an authentication made with an API token: which token, and the scope it was issued with. */
record TokenGrant(long tokenId, TokenScope scope) {
}
