package cn.cfp.review;

/** The reviewer's answer to one review item. */
public enum ReviewAnswer { CONFORMS, NOT_CONFORMS }
