// Docker Cloud settings.
document.documentElement.dataset.dockercloudAwsLink = 'docker';
