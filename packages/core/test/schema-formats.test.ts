import { describe, expect, it } from 'vitest';
import { formats } from '@acklint/core';
import { passwordProblem, timeZoneSpelling } from '../src/schema/formats.js';

describe('schema formats', () => {
  it('cidr: IPv4 and IPv6 blocks, nothing else', () => {
    expect(formats.cidr('172.20.0.0/16')).toBe(true);
    expect(formats.cidr('fd00::/64')).toBe(true);
    expect(formats.cidr('172.20.0.0')).toBe(false);
    expect(formats.cidr('172.20.0.0/33')).toBe(false);
    expect(formats.cidr('256.0.0.0/8')).toBe(false);
    expect(formats.cidr(' 10.0.0.0/8')).toBe(false);
    expect(formats['ipv4-cidr']('fd00::/64')).toBe(false);
  });

  it('cidr-list: one block, or a dual-stack pair separated by a comma', () => {
    expect(formats['cidr-list']('172.21.0.0/20')).toBe(true);
    expect(formats['cidr-list']('172.21.0.0/20,fd00:1::/112')).toBe(true);
    expect(formats['cidr-list']('172.21.0.0/20, fd00:1::/112')).toBe(true);
    expect(formats['cidr-list']('172.21.0.0/20,')).toBe(false);
  });

  it('kubernetes-version: major.minor.patch-aliyun.n', () => {
    expect(formats['kubernetes-version']('1.35.1-aliyun.1')).toBe(true);
    expect(formats['kubernetes-version']('1.35.1')).toBe(false);
    expect(formats['kubernetes-version']('v1.35.1-aliyun.1')).toBe(false);
    expect(formats['kubernetes-version']('1.35-aliyun.1')).toBe(false);
  });

  it('timezone: IANA names as IANA spells them, old names (links) too', () => {
    expect(formats.timezone('Asia/Shanghai')).toBe(true);
    expect(formats.timezone('UTC')).toBe(true);
    expect(formats.timezone('Asia/Calcutta')).toBe(true);
    expect(formats.timezone('asia/shanghai')).toBe(false);
    expect(timeZoneSpelling('asia/shanghai')).toBe('Asia/Shanghai');
    expect(formats.timezone('Mars/Olympus')).toBe(false);
    expect(formats.timezone('GMT+8')).toBe(false);
  });

  it('region-id', () => {
    expect(formats['region-id']('cn-hangzhou')).toBe(true);
    expect(formats['region-id']('ap-southeast-1')).toBe(true);
    expect(formats['region-id']('CN-BEIJING')).toBe(false);
    expect(formats['region-id']('hangzhou')).toBe(false);
  });

  it('dns-domain: lower-case labels that start and end with a letter or digit', () => {
    expect(formats['dns-domain']('cluster.local')).toBe(true);
    expect(formats['dns-domain']('a-b.c1')).toBe(true);
    expect(formats['dns-domain']('Cluster.local')).toBe(false);
    expect(formats['dns-domain']('-a.local')).toBe(false);
    expect(formats['dns-domain']('a..local')).toBe(false);
    expect(formats['dns-domain'](`${'a'.repeat(64)}.local`)).toBe(false);
  });

  it('ip-or-dns: addresses, names and wildcards', () => {
    for (const ok of ['10.0.0.1', 'fd00::1', 'api.example.com', 'API.Example.com', '*.example.com', 'localhost']) expect(formats['ip-or-dns'](ok), ok).toBe(true);
    for (const bad of ['not a host', 'http://api.example.com', '10.0.0.1/32', '']) expect(formats['ip-or-dns'](bad), bad).toBe(false);
  });

  it('ip-or-dns-list: comma-separated addresses and names, no spaces or empty entries', () => {
    expect(formats['ip-or-dns-list']('10.0.0.1,api.example.com')).toBe(true);
    expect(formats['ip-or-dns-list']('api.example.com')).toBe(true);
    expect(formats['ip-or-dns-list']('10.0.0.1, api.example.com')).toBe(false);
    expect(formats['ip-or-dns-list']('10.0.0.1,,api.example.com')).toBe(false);
    expect(formats['ip-or-dns-list']('not a host')).toBe(false);
  });

  it('base64', () => {
    expect(formats.base64('ZWNobyBoZWxsbw==')).toBe(true);
    expect(formats.base64('')).toBe(true);
    expect(formats.base64('!!not base64')).toBe(false);
    expect(formats.base64('abc')).toBe(false);
  });

  it('Kubernetes label keys and values', () => {
    expect(formats['k8s-label-key']('app')).toBe(true);
    expect(formats['k8s-label-key']('example.com/role')).toBe(true);
    expect(formats['k8s-label-key']('node.kubernetes.io/instance-type')).toBe(true);
    expect(formats['k8s-label-key']('-bad')).toBe(false);
    expect(formats['k8s-label-key']('Example.com/role')).toBe(false);
    expect(formats['k8s-label-key']('a'.repeat(64))).toBe(false);
    expect(formats['k8s-label-value']('')).toBe(true);
    expect(formats['k8s-label-value']('web_1.a-b')).toBe(true);
    expect(formats['k8s-label-value']('has space')).toBe(false);
  });

  it('ECS passwords: length, three classes, allowed characters; problems never quote the password', () => {
    expect(formats['ecs-password']('Hello1234!')).toBe(true);
    expect(formats['ecs-password']('hello1234')).toBe(false);
    expect(passwordProblem('hello1234')).toMatch(/three/);
    expect(passwordProblem('Ab1!')).toMatch(/8 to 30/);
    expect(passwordProblem('Ab1!'.repeat(8))).toMatch(/8 to 30/);
    expect(passwordProblem('Hello 1234!')).toMatch(/character/);
    for (const p of ['hello1234', 'Ab1!', 'Hello 1234!']) expect(passwordProblem(p)).not.toContain(p);
  });

  it('durations, maintenance times and whole-number strings', () => {
    expect(formats['duration-hours']('3h')).toBe(true);
    expect(formats['duration-hours']('24h')).toBe(true);
    expect(formats['duration-hours']('25h')).toBe(false);
    expect(formats['duration-hours']('3')).toBe(false);
    expect(formats['maintenance-time']('03:00:00Z')).toBe(true);
    expect(formats['maintenance-time']('2026-11-27T03:00:00+08:00')).toBe(true);
    expect(formats['maintenance-time']('25:00:00Z')).toBe(false);
    expect(formats['integer-string']('30')).toBe(true);
    expect(formats['integer-string']('030')).toBe(false);
    expect(formats['integer-string']('3.5')).toBe(false);
  });
});
