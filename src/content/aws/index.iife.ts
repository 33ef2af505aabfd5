// AWS IAM console: runs on /iam/* of the console hosts only (see manifest.json).
document.documentElement.dataset.dockercloudAwsLink = 'iam';
