package io.xpbridge;
public class Main { public static void main(String[] a) {} }
