/**
 * Shared kernel: time, hashing and the error type every module uses to refuse an action.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.cfp.shared;
