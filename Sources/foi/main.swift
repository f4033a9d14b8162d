import FOIResources
print(Seeds.bankHolidaysJSON.count)
