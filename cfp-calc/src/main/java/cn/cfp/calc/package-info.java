/** GB/T 24067 / ISO 14067 product carbon footprint engine. Pure Java: no Spring, no JDBC. */
package cn.cfp.calc;
