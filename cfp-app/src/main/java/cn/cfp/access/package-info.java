/**
 * People and access: users, roles, login (form and API tokens), lock-out, and the security
 * rules that state who may call each endpoint.
 */
package cn.cfp.access;
