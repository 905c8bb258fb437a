import boto3

# ruleid: py-aws-access-key
AWS_ACCESS_KEY_ID = "AKIAZ7QW3RT5YUIOPASD"
# ruleid: py-aws-access-key
session_key = 'ASIAQWERTYUIOPASDFGH'
# the regex also finds keys in comments
# ruleid: py-aws-access-key
# rotated AKIA1234567890ABCDEF on 2024-01-01
# the documentation's sample key is filtered out by pattern-not-regex
# ok: py-aws-access-key
EXAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE"
# near miss: too short
# ok: py-aws-access-key
short = "AKIA1234"
# near miss: lower case is not a key
# ok: py-aws-access-key
lower = "akiaz7qw3rt5yuiopasd"

client = boto3.client("s3", aws_access_key_id=AWS_ACCESS_KEY_ID)
