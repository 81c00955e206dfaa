cp ripple.yaml .ripple.yaml.before
