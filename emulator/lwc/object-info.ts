/**
 * The fields of the emulator's objects and their labels, as the UI API describes them (the standard
 * labels, e.g. Contact.Phone is "Business Phone"). A field a record carries but this table lacks still
 * counts as a field of the object.
 */
export const OBJECT_FIELDS: Record<string, Record<string, string>> = {
  Contact: {
    FirstName: 'First Name',
    LastName: 'Last Name',
    Title: 'Title',
    AccountId: 'Account ID',
    Phone: 'Business Phone',
    MobilePhone: 'Mobile',
    HomePhone: 'Home Phone',
    OtherPhone: 'Other Phone',
    Fax: 'Business Fax',
    Email: 'Email'
  },
  Lead: {
    FirstName: 'First Name',
    LastName: 'Last Name',
    Company: 'Company',
    Status: 'Lead Status',
    Phone: 'Phone',
    MobilePhone: 'Mobile Phone',
    Fax: 'Fax',
    Email: 'Email'
  },
  Account: {
    Name: 'Account Name',
    Phone: 'Account Phone',
    Fax: 'Account Fax',
    Industry: 'Industry',
    BillingCity: 'Billing City'
  },
  Task: {
    Subject: 'Subject',
    Status: 'Status',
    ActivityDate: 'Due Date Only',
    TaskSubtype: 'Task Subtype',
    CallType: 'Call Type',
    CallDurationInSeconds: 'Call Duration',
    CallObject: 'Call Object Identifier',
    CallDisposition: 'Call Result',
    Description: 'Comments',
    WhoId: 'Name ID',
    WhatId: 'Related To ID'
  }
};
