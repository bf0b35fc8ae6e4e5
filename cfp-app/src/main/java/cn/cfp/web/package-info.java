/** Web shell: login page, navigation by role, "my work", language switch, error pages. */
package cn.cfp.web;
