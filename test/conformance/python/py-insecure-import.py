# ruleid: py-insecure-import
import telnetlib
# ok: py-insecure-import
import os
# ruleid: py-insecure-import
from ftplib import FTP
# ok: py-insecure-import
from paramiko import SSHClient
# near miss: the regex is anchored at both ends
# ok: py-insecure-import
import telnetlib_ng
# ok: py-insecure-import
from ftplib_tls import FTPS
# ruleid: py-insecure-import
import xmlrpc


def connect(host):
    return telnetlib.Telnet(host), FTP(host), SSHClient(), os.getpid()
