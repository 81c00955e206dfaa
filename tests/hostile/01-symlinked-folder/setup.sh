ln -s ../data content/pages/private
